namespace Shipshape.Core.Model;

/// <summary>The name and label syntax the API server enforces (k8s.io/apimachinery validation), as messages.</summary>
public static class DnsNames
{
    /// <summary>Kinds of the built-in groups whose names are DNS subdomains; other kinds (RBAC, custom resources) have their own rules.</summary>
    public static bool UsesSubdomainNames(string group, string kind) => group switch
    {
        "" => kind is "Pod" or "ConfigMap" or "Secret" or "ServiceAccount" or "PersistentVolumeClaim" or "PersistentVolume" or "ReplicationController" or "Endpoints" or "LimitRange" or "ResourceQuota",
        "apps" => kind is "Deployment" or "StatefulSet" or "DaemonSet" or "ReplicaSet",
        "batch" => kind is "Job" or "CronJob",
        "networking.k8s.io" or "extensions" => kind is "Ingress" or "NetworkPolicy" or "IngressClass",
        "policy" => kind is "PodDisruptionBudget",
        "autoscaling" => kind is "HorizontalPodAutoscaler",
        _ => false,
    };

    /// <summary>What is wrong with <paramref name="name"/> as a DNS-1123 subdomain, or null when it is one.</summary>
    public static string? SubdomainProblem(string name)
    {
        if (name.Length is 0 or > 253)
        {
            return $"a name must have 1 to 253 characters, this one has {name.Length}";
        }

        return name.Split('.').Select(part => PartProblem(part, allowUpper: false, extra: "-")).FirstOrDefault(p => p is not null)
            is { } problem ? problem + " (lower-case letters, digits, '-' and '.')" : null;
    }

    /// <summary>What is wrong with <paramref name="name"/> as a DNS-1123 label (Service, Namespace), or null when it is one.</summary>
    public static string? LabelProblem(string name)
    {
        if (name.Length is 0 or > 63)
        {
            return $"a name must have 1 to 63 characters, this one has {name.Length}";
        }

        return PartProblem(name, allowUpper: false, extra: "-") is { } problem ? problem + " (lower-case letters, digits and '-', no '.')" : null;
    }

    public static bool IsSubdomain(string name) => SubdomainProblem(name) is null;

    public static bool IsIPv4(string text) => System.Net.IPAddress.TryParse(text, out var address) && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork;

    /// <summary>What is wrong with a label key (<c>[prefix/]name</c>), or null.</summary>
    public static string? LabelKeyProblem(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            var prefix = key[..slash];
            if (SubdomainProblem(prefix) is not null)
            {
                return $"the prefix '{prefix}' must be a DNS subdomain such as example.com";
            }

            key = key[(slash + 1)..];
        }

        if (key.Length is 0 or > 63)
        {
            return $"the name part must have 1 to 63 characters, this one has {key.Length}";
        }

        return PartProblem(key, allowUpper: true, extra: "-_.") is { } problem ? problem + " (letters, digits, '-', '_' and '.')" : null;
    }

    /// <summary>What is wrong with a label value, or null.</summary>
    public static string? LabelValueProblem(string value)
    {
        if (value.Length == 0)
        {
            return null;
        }

        if (value.Length > 63)
        {
            return $"a value must have at most 63 characters, this one has {value.Length}";
        }

        return PartProblem(value, allowUpper: true, extra: "-_.") is { } problem ? problem + " (letters, digits, '-', '_' and '.')" : null;
    }

    /// <summary>
    /// What is wrong with a container port name as an IANA service name (at most 15 lower-case letters, digits and
    /// '-', at least one letter, no '-' at either end or twice in a row), or null when it is one.
    /// </summary>
    public static string? ServiceNameProblem(string name)
    {
        if (name.Length is 0 or > 15)
        {
            return $"a port name must have 1 to 15 characters, this one has {name.Length}";
        }

        var hasLetter = false;
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '-')
            {
                if (i == 0 || i == name.Length - 1 || name[i - 1] == '-')
                {
                    return "'-' may not start or end it or follow another '-'";
                }
            }
            else if (char.IsAsciiLetterLower(c))
            {
                hasLetter = true;
            }
            else if (!char.IsAsciiDigit(c))
            {
                return $"'{c}' is not allowed (lower-case letters, digits and '-')";
            }
        }

        return hasLetter ? null : "it must contain at least one letter";
    }

    private static string? PartProblem(string part, bool allowUpper, string extra)
    {
        if (part.Length == 0)
        {
            return "it has an empty part between dots";
        }

        foreach (var c in part)
        {
            var allowed = char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c) || (allowUpper && char.IsAsciiLetterUpper(c)) || extra.Contains(c, StringComparison.Ordinal);
            if (!allowed)
            {
                return $"'{c}' is not allowed";
            }
        }

        return char.IsAsciiLetterOrDigit(part[0]) && char.IsAsciiLetterOrDigit(part[^1])
            ? null
            : "it must start and end with a letter or digit";
    }
}
