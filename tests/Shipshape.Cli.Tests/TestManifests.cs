namespace Shipshape.Cli.Tests;

/// <summary>Manifests several CLI tests share; positions asserted on them depend on every line, so edit with care.</summary>
public static class TestManifests
{
    /// <summary>Two containers declaring containerPort 80: one SHIP2005, at 14:26.</summary>
    public const string PortCollisionPod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: simple-echo
        spec:
          containers:
            - name: nginx
              image: nginx:1.27
              ports:
                - containerPort: 80
            - name: echo
              image: gihyodocker/echo:1.0
              ports:
                - containerPort: 80
        """;
}
