using Shipshape.Builder;

namespace Echo;

/// <summary>
/// The seed's echo application (a Deployment of nginx in front of echo, its Service and Ingress) with the settings a
/// production cluster expects, so `shipshape lint` finds nothing in its YAML: pinned images, requests and a memory
/// limit, probes, and containers that run as a non-root user with no privileges beyond what they need.
/// </summary>
public static class EchoApplication
{
    public static App Build()
    {
        var app = new App();
        var echo = app.Add(new Deployment()
            .Name("echo")
            .Label("app", "echo")
            .Replicas(3)
            .TemplateLabel("app", "echo")
            // The kubelet refuses to start a container that would run as root; seccomp filters the syscalls it may make.
            .SecurityContext(new PodSecurityContext().RunAsNonRoot().RunAsUser(10001).RunAsGroup(10001).SeccompProfile("RuntimeDefault"))
            // The root file systems are read-only, so nginx writes its cache, pid file and temporary files to these.
            .Volume(Volume.EmptyDir("nginx-cache"))
            .Volume(Volume.EmptyDir("nginx-run"))
            .Volume(Volume.EmptyDir("tmp"))
            .Container(new Container()
                .Name("nginx")
                .Image("gihyodocker/nginx-proxy:1.0.0")
                .Env("BACKEND_HOST", "localhost:8080")
                .Port(80, "http")
                .Requests(cpu: "100m", memory: "64Mi")
                .Limits(memory: "128Mi")
                // Ready when a request passes through nginx to echo; alive while nginx accepts connections.
                .ReadinessProbe(Probe.HttpGet("/", "http").PeriodSeconds(5))
                .LivenessProbe(Probe.TcpSocket("http").PeriodSeconds(10))
                .SecurityContext(Unprivileged())
                .VolumeMount("nginx-cache", "/var/cache/nginx")
                .VolumeMount("nginx-run", "/var/run")
                .VolumeMount("tmp", "/tmp"))
            .Container(new Container()
                .Name("echo")
                .Image("gihyodocker/echo:1.0.0")
                .Port(8080)
                .Requests(cpu: "100m", memory: "32Mi")
                .Limits(memory: "64Mi")
                .ReadinessProbe(Probe.HttpGet("/", 8080).PeriodSeconds(5))
                .LivenessProbe(Probe.TcpSocket(8080).PeriodSeconds(10))
                .SecurityContext(Unprivileged())));

        // Selector and target port come from the Deployment, so the Service reaches its pods by construction.
        var service = app.Add(echo.ExposeViaService(containerPort: 80));
        app.Add(service.ExposeViaIngress("ch05.gihyo.local", "/"));
        return app;
    }

    /// <summary>No privilege escalation, no capabilities, no writes to the image's file system.</summary>
    private static SecurityContext Unprivileged() =>
        new SecurityContext().AllowPrivilegeEscalation(false).ReadOnlyRootFilesystem().DropCapabilities("ALL");
}
