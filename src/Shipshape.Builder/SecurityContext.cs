using Shipshape.Builder.Yaml;

namespace Shipshape.Builder;

/// <summary>A container's securityContext: <c>new SecurityContext().RunAsNonRoot().ReadOnlyRootFilesystem().DropCapabilities("ALL")</c>.</summary>
public sealed class SecurityContext
{
    private bool? _runAsNonRoot;
    private long? _runAsUser;
    private long? _runAsGroup;
    private bool? _readOnlyRootFilesystem;
    private bool? _allowPrivilegeEscalation;
    private bool? _privileged;
    private string[]? _addCapabilities;
    private string[]? _dropCapabilities;

    public SecurityContext RunAsNonRoot(bool value = true)
    {
        _runAsNonRoot = value;
        return this;
    }

    public SecurityContext RunAsUser(long user)
    {
        _runAsUser = user;
        return this;
    }

    public SecurityContext RunAsGroup(long group)
    {
        _runAsGroup = group;
        return this;
    }

    public SecurityContext ReadOnlyRootFilesystem(bool value = true)
    {
        _readOnlyRootFilesystem = value;
        return this;
    }

    public SecurityContext AllowPrivilegeEscalation(bool value)
    {
        _allowPrivilegeEscalation = value;
        return this;
    }

    public SecurityContext Privileged(bool value)
    {
        _privileged = value;
        return this;
    }

    public SecurityContext AddCapabilities(params string[] capabilities)
    {
        _addCapabilities = capabilities;
        return this;
    }

    public SecurityContext DropCapabilities(params string[] capabilities)
    {
        _dropCapabilities = capabilities;
        return this;
    }

    internal YamlMap ToYaml()
    {
        var capabilities = new YamlMap()
            .Add("add", _addCapabilities is null ? null : YamlList.Of(_addCapabilities))
            .Add("drop", _dropCapabilities is null ? null : YamlList.Of(_dropCapabilities));
        return new YamlMap()
            .Add("allowPrivilegeEscalation", _allowPrivilegeEscalation)
            .Add("capabilities", capabilities)
            .Add("privileged", _privileged)
            .Add("readOnlyRootFilesystem", _readOnlyRootFilesystem)
            .Add("runAsGroup", _runAsGroup)
            .Add("runAsNonRoot", _runAsNonRoot)
            .Add("runAsUser", _runAsUser);
    }
}

/// <summary>A pod's securityContext, the defaults for all its containers.</summary>
public sealed class PodSecurityContext
{
    private bool? _runAsNonRoot;
    private long? _runAsUser;
    private long? _runAsGroup;
    private long? _fsGroup;
    private string? _seccompProfile;

    public PodSecurityContext RunAsNonRoot(bool value = true)
    {
        _runAsNonRoot = value;
        return this;
    }

    public PodSecurityContext RunAsUser(long user)
    {
        _runAsUser = user;
        return this;
    }

    public PodSecurityContext RunAsGroup(long group)
    {
        _runAsGroup = group;
        return this;
    }

    public PodSecurityContext FsGroup(long group)
    {
        _fsGroup = group;
        return this;
    }

    /// <summary>
    /// The seccomp profile of all containers: <c>RuntimeDefault</c> (the container runtime's syscall filter, which
    /// the Restricted pod security standard requires) or <c>Unconfined</c>.
    /// </summary>
    public PodSecurityContext SeccompProfile(string type)
    {
        _seccompProfile = type;
        return this;
    }

    internal YamlMap ToYaml() => new YamlMap()
        .Add("fsGroup", _fsGroup)
        .Add("runAsGroup", _runAsGroup)
        .Add("runAsNonRoot", _runAsNonRoot)
        .Add("runAsUser", _runAsUser)
        .Add("seccompProfile", _seccompProfile is null ? null : new YamlMap().Add("type", _seccompProfile));
}
