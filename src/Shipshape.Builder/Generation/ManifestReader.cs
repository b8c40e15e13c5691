using Shipshape.Core.Syntax;

namespace Shipshape.Builder.Generation;

/// <summary>
/// Reads one object's node tree into typed builder calls. Field by field: a field the typed methods cannot write
/// back exactly (an unknown key, a value of another shape, an empty mapping the builder would leave out) becomes
/// <c>.Set(path, value)</c> on the nearest builder that has it (the object or a container), and only what no
/// builder can hold makes the whole object raw (see <see cref="CSharpGenerator"/>).
/// </summary>
internal sealed class ManifestReader
{
    /// <summary>
    /// False while reading a v1beta1 Ingress: the builder writes it as networking.k8s.io/v1, and v1beta1 fields set as
    /// they are would not fit that shape, so any field the builder lacks makes it raw (and kept as v1beta1).
    /// </summary>
    private bool _fieldFallback = true;

    /// <summary>The builder chain for the object, or null when the builder has no class for its kind.</summary>
    /// <exception cref="GeneratorException">The object needs something no builder method or field path can hold.</exception>
    public CodeChain? Object(MappingNode map, string apiVersion, string kind) => (apiVersion, kind) switch
    {
        ("v1", "Namespace") => WithRest(Metadata(map, "Namespace"), map),
        ("v1", "ConfigMap") => ConfigMap(map),
        ("v1", "Secret") => Secret(map),
        ("v1", "Pod") => Pod(map),
        ("apps/v1", "Deployment" or "ReplicaSet") => Workload(map, kind),
        ("v1", "Service") => Service(map),
        ("networking.k8s.io/v1", "Ingress") => Ingress(map, isBeta: false),
        ("networking.k8s.io/v1beta1" or "extensions/v1beta1", "Ingress") => Ingress(map, isBeta: true),
        _ => null,
    };

    private CodeChain Metadata(MappingNode map, string type)
    {
        var chain = new CodeChain($"new {type}()");
        var metadata = map.Mapping("metadata") ?? throw NotTyped("a typed object needs metadata");
        chain.Call("Name", Str(Text(metadata["name"])));
        Typed(chain, "metadata.namespace", metadata["namespace"], node => chain.Call("Namespace", Str(Text(node))));
        Typed(chain, "metadata.labels", metadata["labels"], node => Pairs(node, (key, value) => chain.Call("Label", key, value)));
        Typed(chain, "metadata.annotations", metadata["annotations"], node => Pairs(node, (key, value) => chain.Call("Annotation", key, value)));
        Rest(chain, metadata, "metadata.", "name", "namespace", "labels", "annotations");
        return chain;
    }

    /// <summary>Sets the object's top-level fields that its typed methods did not write (status is the cluster's).</summary>
    private CodeChain WithRest(CodeChain chain, MappingNode map, params string[] handled)
    {
        Rest(chain, map, "", [.. handled, "apiVersion", "kind", "metadata", "status"]);
        return chain;
    }

    private CodeChain ConfigMap(MappingNode map)
    {
        var chain = Metadata(map, "ConfigMap");
        Typed(chain, "data", map["data"], node => Pairs(node, (key, value) => chain.Call("Data", key, value)));
        return WithRest(chain, map, "data");
    }

    private CodeChain Secret(MappingNode map)
    {
        var chain = Metadata(map, "Secret");
        Typed(chain, "type", map["type"], node => chain.Call("Type", Str(Text(node))));
        Typed(chain, "data", map["data"], node => Pairs(node, (key, value) => chain.Call("Data", key, value)));
        Typed(chain, "stringData", map["stringData"], node => Pairs(node, (key, value) => chain.Call("StringData", key, value)));
        return WithRest(chain, map, "type", "data", "stringData");
    }

    private CodeChain Pod(MappingNode map)
    {
        var chain = Metadata(map, "Pod");
        PodSpec(chain, map["spec"], "spec");
        return WithRest(chain, map, "spec");
    }

    private CodeChain Workload(MappingNode map, string kind)
    {
        var chain = Metadata(map, kind);
        var spec = Map(map["spec"] ?? throw NotTyped("a workload needs a spec"));
        Typed(chain, "spec.replicas", spec["replicas"], node => chain.Call("Replicas", Int(node)));
        string[] handled = ["replicas", "selector", "template"];
        if (kind == "Deployment")
        {
            handled = [.. handled, "strategy"];
            Typed(chain, "spec.strategy", spec["strategy"], node =>
            {
                var strategy = Map(node);
                Known(strategy, "type");
                chain.Call("Strategy", Str(Text(strategy["type"])));
            });
        }

        var template = Map(spec["template"] ?? throw NotTyped("a workload needs a pod template"));
        var templateMetadata = template["metadata"];
        Typed(chain, "spec.template.metadata", templateMetadata, node =>
        {
            var metadata = Map(node);
            Typed(chain, "spec.template.metadata.labels", metadata["labels"], labels => Pairs(labels, (key, value) => chain.Call("TemplateLabel", key, value)));
            Typed(chain, "spec.template.metadata.annotations", metadata["annotations"], annotations => Pairs(annotations, (key, value) => chain.Call("TemplateAnnotation", key, value)));
            Rest(chain, metadata, "spec.template.metadata.", "labels", "annotations");
        });

        // The builder's selector defaults to the template labels it writes; only a different one is written out,
        // and a selector the builder cannot write replaces the default.
        var writtenTemplateLabels = (templateMetadata as MappingNode)?["labels"] is { } labelsNode && TryTextPairs(labelsNode) is { Count: > 0 } labels ? labels : [];
        Typed(chain, "spec.selector", spec["selector"] ?? throw NotTyped("the builder writes a selector where the object has none"), node =>
        {
            var selector = Map(node);
            Known(selector, "matchLabels");
            var matchLabels = TryTextPairs(selector["matchLabels"]!) is { Count: > 0 } pairs ? pairs : throw NotTyped("matchLabels are strings");
            if (!matchLabels.SequenceEqual(writtenTemplateLabels))
            {
                foreach (var (key, value) in matchLabels)
                {
                    chain.Call("Selector", Str(key), Str(value));
                }
            }
        });
        PodSpec(chain, template["spec"], "spec.template.spec");
        Rest(chain, template, "spec.template.", "metadata", "spec");
        Rest(chain, spec, "spec.", handled);
        return WithRest(chain, map, "spec");
    }

    private void PodSpec(CodeChain chain, Node? node, string path) => Typed(chain, path, node, _ =>
    {
        var spec = Map(node!);
        Typed(chain, path + ".serviceAccountName", spec["serviceAccountName"], value => chain.Call("ServiceAccount", Str(Text(value))));
        Typed(chain, path + ".restartPolicy", spec["restartPolicy"], value => chain.Call("RestartPolicy", Str(Text(value))));
        Typed(chain, path + ".nodeSelector", spec["nodeSelector"], value => Pairs(value, (key, text) => chain.Call("NodeSelector", key, text)));
        Typed(chain, path + ".securityContext", spec["securityContext"], value => chain.Call("SecurityContext", PodSecurityContext(Map(value))));
        Typed(chain, path + ".initContainers", spec["initContainers"], value => Each(value, item => chain.Call("InitContainer", Container(Map(item)))));
        Typed(chain, path + ".containers", spec["containers"], value => Each(value, item => chain.Call("Container", Container(Map(item)))));
        Typed(chain, path + ".volumes", spec["volumes"], value => Each(value, item => chain.Call("Volume", Volume(Map(item)))));
        Rest(chain, spec, path + ".", "serviceAccountName", "restartPolicy", "nodeSelector", "securityContext", "initContainers", "containers", "volumes");
    });

    private static CodeChain PodSecurityContext(MappingNode security)
    {
        Known(security, "fsGroup", "runAsGroup", "runAsNonRoot", "runAsUser", "seccompProfile");
        var chain = new CodeChain("new PodSecurityContext()");
        OptionalInt(security, "fsGroup", chain, "FsGroup");
        OptionalInt(security, "runAsGroup", chain, "RunAsGroup");
        OptionalBoolean(security, "runAsNonRoot", chain, "RunAsNonRoot");
        OptionalInt(security, "runAsUser", chain, "RunAsUser");
        if (security["seccompProfile"] is { } node)
        {
            var seccomp = Map(node);
            Known(seccomp, "type");
            chain.Call("SeccompProfile", Str(Text(seccomp["type"])));
        }

        return chain;
    }

    /// <summary>A container; its fields the builder cannot write are set on the container (<c>.Set("lifecycle", ...)</c>).</summary>
    private CodeChain Container(MappingNode container)
    {
        var chain = new CodeChain("new Container()").Call("Name", Str(Text(container["name"])));
        Typed(chain, "image", container["image"], node => chain.Call("Image", Str(Text(node))));
        Typed(chain, "imagePullPolicy", container["imagePullPolicy"], node => chain.Call("ImagePullPolicy", Str(Text(node))));
        Typed(chain, "command", container["command"], node => chain.Call("Command", Strings(node)));
        Typed(chain, "args", container["args"], node => chain.Call("Args", Strings(node)));
        Typed(chain, "workingDir", container["workingDir"], node => chain.Call("WorkingDir", Str(Text(node))));
        Typed(chain, "env", container["env"], node => Each(node, env => Env(chain, Map(env))));
        Typed(chain, "ports", container["ports"], node => Each(node, port => ContainerPort(chain, Map(port))));
        Typed(chain, "resources", container["resources"], node =>
        {
            var resources = Map(node);
            Typed(chain, "resources.limits", resources["limits"], limits => Quantities(chain, Map(limits), "Limits"));
            Typed(chain, "resources.requests", resources["requests"], requests => Quantities(chain, Map(requests), "Requests"));
            Rest(chain, resources, "resources.", "limits", "requests");
        });
        Typed(chain, "volumeMounts", container["volumeMounts"], node => Each(node, mount => VolumeMount(chain, Map(mount))));
        Typed(chain, "livenessProbe", container["livenessProbe"], node => chain.Call("LivenessProbe", Probe(Map(node))));
        Typed(chain, "readinessProbe", container["readinessProbe"], node => chain.Call("ReadinessProbe", Probe(Map(node))));
        Typed(chain, "startupProbe", container["startupProbe"], node => chain.Call("StartupProbe", Probe(Map(node))));
        Typed(chain, "securityContext", container["securityContext"], node => chain.Call("SecurityContext", SecurityContext(Map(node))));
        Rest(chain, container, "", "name", "image", "imagePullPolicy", "command", "args", "workingDir", "env", "ports", "resources",
            "volumeMounts", "livenessProbe", "readinessProbe", "startupProbe", "securityContext");
        return chain;
    }

    private static void Env(CodeChain chain, MappingNode env)
    {
        Known(env, "name", "value", "valueFrom");
        var name = Str(Text(env["name"]));
        if (env["valueFrom"] is not { } valueFromNode)
        {
            // The builder writes a value for every variable: one without is not written back exactly.
            chain.Call("Env", name, Str(Text(env["value"])));
            return;
        }

        var valueFrom = Map(valueFromNode);
        Known(valueFrom, "configMapKeyRef", "secretKeyRef");
        if (env["value"] is not null || valueFrom.Count != 1)
        {
            throw NotTyped("a variable has one source");
        }

        var (method, reference) = valueFrom.Mapping("configMapKeyRef") is { } configMap ? ("EnvFromConfigMap", configMap)
            : ("EnvFromSecret", Map(valueFrom["secretKeyRef"]!));
        Known(reference, "name", "key");
        chain.Call(method, name, Str(Text(reference["name"])), Str(Text(reference["key"])));
    }

    private static void ContainerPort(CodeChain chain, MappingNode port)
    {
        Known(port, "containerPort", "name", "protocol");
        var arguments = new List<object> { Int(port["containerPort"]) };
        if (port["name"] is { } name)
        {
            arguments.Add(Str(Text(name)));
        }

        if (port["protocol"] is { } protocol)
        {
            arguments.Add("protocol: " + Protocol(protocol));
        }

        chain.Call("Port", [.. arguments]);
    }

    private static void Quantities(CodeChain chain, MappingNode quantities, string method)
    {
        Known(quantities, "cpu", "memory");
        var arguments = new List<object>();
        if (quantities["cpu"] is { } cpu)
        {
            arguments.Add("cpu: " + Str(Text(cpu)));
        }

        if (quantities["memory"] is { } memory)
        {
            arguments.Add("memory: " + Str(Text(memory)));
        }

        chain.Call(method, [.. arguments]);
    }

    private static void VolumeMount(CodeChain chain, MappingNode mount)
    {
        Known(mount, "name", "mountPath", "readOnly", "subPath");
        var arguments = new List<object> { Str(Text(mount["name"])), Str(Text(mount["mountPath"])) };
        if (mount["readOnly"] is { } readOnly)
        {
            arguments.Add("readOnly: " + CodeChain.Boolean(Boolean(readOnly)));
        }

        if (mount["subPath"] is { } subPath)
        {
            arguments.Add("subPath: " + Str(Text(subPath)));
        }

        chain.Call("VolumeMount", [.. arguments]);
    }

    private static CodeChain Probe(MappingNode probe)
    {
        string[] handlers = ["httpGet", "tcpSocket", "exec"];
        Known(probe, [.. handlers, "initialDelaySeconds", "periodSeconds", "timeoutSeconds", "successThreshold", "failureThreshold"]);
        if (handlers.Count(h => probe[h] is not null) != 1)
        {
            throw NotTyped("a probe has one handler");
        }

        CodeChain chain;
        if (probe["httpGet"] is { } httpGetNode)
        {
            var httpGet = Map(httpGetNode);
            Known(httpGet, "path", "port");
            chain = new CodeChain($"Probe.HttpGet({Str(Text(httpGet["path"]))}, {Port(httpGet["port"])})");
        }
        else if (probe["tcpSocket"] is { } tcpSocketNode)
        {
            var tcpSocket = Map(tcpSocketNode);
            Known(tcpSocket, "port");
            chain = new CodeChain($"Probe.TcpSocket({Port(tcpSocket["port"])})");
        }
        else
        {
            var exec = Map(probe["exec"]!);
            Known(exec, "command");
            chain = new CodeChain($"Probe.Exec({string.Join(", ", Strings(exec["command"]))})");
        }

        OptionalInt(probe, "initialDelaySeconds", chain, "InitialDelaySeconds");
        OptionalInt(probe, "periodSeconds", chain, "PeriodSeconds");
        OptionalInt(probe, "timeoutSeconds", chain, "TimeoutSeconds");
        OptionalInt(probe, "successThreshold", chain, "SuccessThreshold");
        OptionalInt(probe, "failureThreshold", chain, "FailureThreshold");
        return chain;
    }

    private static CodeChain SecurityContext(MappingNode security)
    {
        Known(security, "allowPrivilegeEscalation", "capabilities", "privileged", "readOnlyRootFilesystem", "runAsGroup", "runAsNonRoot", "runAsUser");
        var chain = new CodeChain("new SecurityContext()");
        OptionalBoolean(security, "allowPrivilegeEscalation", chain, "AllowPrivilegeEscalation");
        if (security["capabilities"] is { } node)
        {
            var capabilities = Map(node);
            Known(capabilities, "add", "drop");
            if (capabilities["add"] is { } add)
            {
                chain.Call("AddCapabilities", Strings(add));
            }

            if (capabilities["drop"] is { } drop)
            {
                chain.Call("DropCapabilities", Strings(drop));
            }
        }

        OptionalBoolean(security, "privileged", chain, "Privileged");
        OptionalBoolean(security, "readOnlyRootFilesystem", chain, "ReadOnlyRootFilesystem");
        OptionalInt(security, "runAsGroup", chain, "RunAsGroup");
        OptionalBoolean(security, "runAsNonRoot", chain, "RunAsNonRoot");
        OptionalInt(security, "runAsUser", chain, "RunAsUser");
        return chain;
    }

    private static string Volume(MappingNode volume)
    {
        var name = Str(Text(volume["name"]));
        if (volume["configMap"] is { } configMapNode)
        {
            Known(volume, "name", "configMap");
            var configMap = Map(configMapNode);
            Known(configMap, "name", "defaultMode");
            return $"Volume.FromConfigMap({name}, {Str(Text(configMap["name"]))}{DefaultMode(configMap)})";
        }

        if (volume["secret"] is { } secretNode)
        {
            Known(volume, "name", "secret");
            var secret = Map(secretNode);
            Known(secret, "secretName", "defaultMode");
            return $"Volume.FromSecret({name}, {Str(Text(secret["secretName"]))}{DefaultMode(secret)})";
        }

        Known(volume, "name", "emptyDir");
        return volume["emptyDir"] is MappingNode { Count: 0 } ? $"Volume.EmptyDir({name})" : throw NotTyped("only configMap, secret and option-less emptyDir volumes are typed");
    }

    private static string DefaultMode(MappingNode source) => source["defaultMode"] is { } mode ? ", defaultMode: " + Int(mode) : "";

    private CodeChain Service(MappingNode map)
    {
        var chain = Metadata(map, "Service");
        Typed(chain, "spec", map["spec"], node =>
        {
            var spec = Map(node);
            var type = spec["type"];
            var externalName = spec["externalName"];
            if (type is ScalarNode { Kind: ScalarKind.String, Value: "ExternalName" } && externalName is ScalarNode { Kind: ScalarKind.String } host)
            {
                chain.Call("ExternalName", Str(host.Value));
            }
            else
            {
                Typed(chain, "spec.type", type, value => chain.Call("Type", "ServiceType." + ServiceType(value)));
                if (externalName is not null)
                {
                    // Typed only together with type ExternalName.
                    SetAsIs(chain, "spec.externalName", externalName);
                }
            }

            Typed(chain, "spec.selector", spec["selector"], value => Pairs(value, (key, text) => chain.Call("Selector", key, text)));
            Typed(chain, "spec.ports", spec["ports"], value => Each(value, port => ServicePort(chain, Map(port))));
            Rest(chain, spec, "spec.", "type", "externalName", "selector", "ports");
        });
        return WithRest(chain, map, "spec");
    }

    private static string ServiceType(Node node) =>
        Enum.TryParse<ServiceType>(Text(node), out var type) && type.ToString() == Text(node) ? type.ToString() : throw NotTyped("not a service type");

    private static void ServicePort(CodeChain chain, MappingNode port)
    {
        Known(port, "port", "targetPort", "name", "protocol", "nodePort");
        var arguments = new List<object> { Int(port["port"]) };
        if (port["targetPort"] is { } targetPort)
        {
            arguments.Add("targetPort: " + Port(targetPort));
        }

        if (port["name"] is { } name)
        {
            arguments.Add("name: " + Str(Text(name)));
        }

        if (port["protocol"] is { } protocol)
        {
            arguments.Add("protocol: " + Protocol(protocol));
        }

        if (port["nodePort"] is { } nodePort)
        {
            arguments.Add("nodePort: " + Int(nodePort));
        }

        chain.Call("Port", [.. arguments]);
    }

    private CodeChain Ingress(MappingNode map, bool isBeta)
    {
        _fieldFallback = !isBeta;
        var chain = Metadata(map, "Ingress");
        Typed(chain, "spec", map["spec"], node =>
        {
            var spec = Map(node);
            Typed(chain, "spec.ingressClassName", spec["ingressClassName"], value => chain.Call("IngressClassName", Str(Text(value))));
            Typed(chain, "spec.tls", spec["tls"], value => Each(value, item =>
            {
                var tls = Map(item);
                Known(tls, "hosts", "secretName");
                chain.Call("Tls", [Str(Text(tls["secretName"])), .. tls["hosts"] is { } hosts ? Strings(hosts) : []]);
            }));
            Typed(chain, "spec.rules", spec["rules"], value => IngressRules(chain, value, isBeta));
            Rest(chain, spec, "spec.", "ingressClassName", "tls", "rules");
        });
        return WithRest(chain, map, "spec");
    }

    private static void IngressRules(CodeChain chain, Node rules, bool isBeta)
    {
        // The builder groups paths by host: rules that share a host are not written back as they are.
        var hosts = new HashSet<string?>();
        Each(rules, item =>
        {
            var rule = Map(item);
            Known(rule, "host", "http");
            var host = rule["host"] is { } hostNode ? Text(hostNode) : null;
            if (!hosts.Add(host))
            {
                throw NotTyped("two rules for one host");
            }

            var http = Map(rule["http"] ?? throw NotTyped("a rule without http paths"));
            Known(http, "paths");
            Each(http["paths"] ?? throw NotTyped("http without paths"), pathNode =>
            {
                var path = Map(pathNode);
                Known(path, "path", "pathType", "backend");
                var backend = Map(path["backend"] ?? throw NotTyped("a path without a backend"));
                string serviceName;
                string port;
                if (isBeta)
                {
                    // v1beta1 names the Service and its port directly; v1 nests them under backend.service.
                    Known(backend, "serviceName", "servicePort");
                    serviceName = Text(backend["serviceName"]);
                    port = Port(backend["servicePort"]);
                }
                else
                {
                    Known(backend, "service");
                    var service = Map(backend["service"] ?? throw NotTyped("only Service backends are typed"));
                    Known(service, "name", "port");
                    serviceName = Text(service["name"]);
                    var servicePort = Map(service["port"] ?? throw NotTyped("a backend without a port"));
                    Known(servicePort, servicePort["name"] is null ? "number" : "name");
                    port = servicePort["name"] is { } portName ? Str(Text(portName)) : Int(servicePort["number"]);
                }

                // v1beta1 had no required pathType; its behaviour then was the controller's own, ImplementationSpecific.
                var pathType = path["pathType"] is { } pathTypeNode ? Text(pathTypeNode) : isBeta ? "ImplementationSpecific" : throw NotTyped("a v1 path needs a pathType");
                if (!Enum.TryParse<PathType>(pathType, out var parsed) || parsed.ToString() != pathType)
                {
                    throw NotTyped("not a path type");
                }

                chain.Call("Rule", host is null ? "null" : Str(host), Str(Text(path["path"])), Str(serviceName), port, "PathType." + pathType);
            });
        });
    }

    /// <summary>
    /// Runs <paramref name="typed"/> for the field at <paramref name="path"/> (relative to <paramref name="chain"/>'s
    /// object); when the builder cannot write it back exactly, takes back the calls it made and sets the field as it is.
    /// </summary>
    private void Typed(CodeChain chain, string path, Node? node, Action<Node> typed)
    {
        if (node is null)
        {
            return;
        }

        // Typed methods leave empty values out; only Set writes them.
        if (node is ScalarNode { IsNull: true } or MappingNode { Count: 0 } or SequenceNode { Count: 0 })
        {
            SetAsIs(chain, path, node);
            return;
        }

        var mark = chain.Count;
        try
        {
            typed(node);
        }
        catch (GeneratorException) when (_fieldFallback)
        {
            chain.TruncateTo(mark);
            SetAsIs(chain, path, node);
        }
    }

    /// <summary>Sets every field of <paramref name="map"/> but the <paramref name="handled"/> ones as it is, at <paramref name="prefix"/> + key.</summary>
    private void Rest(CodeChain chain, MappingNode map, string prefix, params string[] handled)
    {
        foreach (var entry in map.Entries)
        {
            if (Array.IndexOf(handled, entry.KeyText) < 0)
            {
                // A dotted path cannot name a key with a dot in it: the field above it is set as a whole instead.
                var key = entry.KeyText is { } text && !text.Contains('.', StringComparison.Ordinal) && text.Length > 0 ? text : throw NotTyped("a key a path cannot name");
                SetAsIs(chain, prefix + key, entry.Value);
            }
        }
    }

    private void SetAsIs(CodeChain chain, string path, Node node)
    {
        if (!_fieldFallback)
        {
            throw NotTyped("fields of a v1beta1 Ingress are not set as they are");
        }

        chain.Call("Set", Str(path), RawCode.Value(node));
    }

    private static void Each(Node node, Action<Node> read)
    {
        if (node is not SequenceNode { Count: > 0 } list)
        {
            throw NotTyped("a non-empty list");
        }

        foreach (var item in list.Items)
        {
            read(item);
        }
    }

    private static void Pairs(Node node, Action<string, string> add)
    {
        foreach (var (key, value) in TryTextPairs(node) ?? throw NotTyped("a mapping of strings"))
        {
            add(Str(key), Str(value));
        }
    }

    /// <summary>The string pairs of a mapping of strings, or null when it holds anything else.</summary>
    private static List<(string Key, string Value)>? TryTextPairs(Node node)
    {
        if (node is not MappingNode map || map.Entries.Any(e => e.Key is not ScalarNode { Kind: ScalarKind.String } || e.Value is not ScalarNode { Kind: ScalarKind.String }))
        {
            return null;
        }

        return [.. map.Entries.Select(e => (e.KeyText!, ((ScalarNode)e.Value).Value))];
    }

    private static string[] Strings(Node? node) => node is SequenceNode { Count: > 0 } list
        ? [.. list.Items.Select(item => Str(Text(item)))]
        : throw NotTyped("a non-empty list of strings");

    private static string Port(Node? node) =>
        node is ScalarNode scalar && scalar.TryGetInt64(out var number) && number is >= int.MinValue and <= int.MaxValue ? CodeChain.Number(number) : Str(Text(node));

    private static string Protocol(Node node) => Text(node) switch
    {
        "TCP" => "Protocol.Tcp",
        "UDP" => "Protocol.Udp",
        "SCTP" => "Protocol.Sctp",
        _ => throw NotTyped("not a protocol"),
    };

    private static void OptionalInt(MappingNode map, string key, CodeChain chain, string method)
    {
        if (map[key] is { } node)
        {
            chain.Call(method, Int(node));
        }
    }

    private static void OptionalBoolean(MappingNode map, string key, CodeChain chain, string method)
    {
        if (map[key] is { } node)
        {
            chain.Call(method, CodeChain.Boolean(Boolean(node)));
        }
    }

    private static bool Boolean(Node node) =>
        node is ScalarNode scalar && scalar.TryGetBoolean(out var value) ? value : throw NotTyped("a boolean");

    private static string Int(Node? node) =>
        node is ScalarNode scalar && scalar.TryGetInt64(out var number) && number is >= int.MinValue and <= int.MaxValue
            ? CodeChain.Number(number)
            : throw NotTyped("a whole number");

    /// <summary>The text of a string scalar: a number or boolean given as a string would change type.</summary>
    private static string Text(Node? node) =>
        node is ScalarNode { Kind: ScalarKind.String } scalar ? scalar.Value : throw NotTyped("a string");

    /// <summary>A mapping with fields: the builder leaves empty mappings out.</summary>
    private static MappingNode Map(Node node) => node as MappingNode is { Count: > 0 } map ? map : throw NotTyped("a non-empty mapping");

    private static void Known(MappingNode map, params string[] known)
    {
        if (map.Entries.Any(e => Array.IndexOf(known, e.KeyText) < 0))
        {
            throw NotTyped("a field without a builder method");
        }
    }

    private static string Str(string value) => CodeChain.Literal(value);

    /// <summary>What the typed methods cannot write back; caught by the nearest field that can be set as it is, or by the object.</summary>
    private static GeneratorException NotTyped(string what) => new($"The builder has no typed form for {what}.");
}
