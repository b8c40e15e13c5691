namespace Shipshape.Core.Schema.Versions;

/// <summary>
/// Whether a Kubernetes version serves an apiVersion/kind, read from the embedded specs (the kinds each version's
/// spec defines), and when a built-in one stopped being served. The lifecycle table (schemas/api-lifecycle.json)
/// adds what the specs do not carry: deprecations, the release of a removal that falls between embedded versions,
/// and replacements across API groups; a test checks it against the specs.
/// </summary>
public static class ApiAvailability
{
    /// <summary>
    /// Whether <paramref name="target"/> serves <paramref name="gvk"/>: its spec (or, for a version without one, the
    /// nearest older embedded spec) defines the kind, and the lifecycle table does not say it was removed by then.
    /// </summary>
    public static bool IsServed(GroupVersionKind gvk, KubernetesVersion target) =>
        ApiLifecycle.Find(gvk.ApiVersion, gvk.Kind)?.IsRemovedIn(target) != true
        && EmbeddedSchemas.Serves(EmbeddedSchemas.Nearest(target), gvk);

    /// <summary>
    /// The release from which <paramref name="gvk"/>, a built-in API of an older release, is no longer served, when
    /// that is <paramref name="target"/> or earlier; null when the target serves it or it was never built in. The
    /// lifecycle table gives the release; otherwise the specs do: the first embedded version after the newest one
    /// that served it.
    /// </summary>
    public static KubernetesVersion? RemovedIn(GroupVersionKind gvk, KubernetesVersion target)
    {
        if (ApiLifecycle.Find(gvk.ApiVersion, gvk.Kind) is { } entry && entry.IsRemovedIn(target))
        {
            return entry.RemovedIn;
        }

        // Every embedded spec is its release's full spec, alpha group versions included, so an alpha version is
        // judged like any other.
        var used = EmbeddedSchemas.Nearest(target);
        if (EmbeddedSchemas.Serves(used, gvk))
        {
            return null;
        }

        KubernetesVersion? firstWithout = null;
        var versions = EmbeddedSchemas.Versions;
        for (var i = versions.Count - 1; i >= 0; i--)
        {
            if (versions[i] > used)
            {
                continue;
            }

            if (EmbeddedSchemas.Serves(versions[i], gvk))
            {
                return firstWithout;
            }

            firstWithout = versions[i];
        }

        return null;
    }

    /// <summary>
    /// What to migrate <paramref name="gvk"/> to in <paramref name="target"/>: the replacement the lifecycle table names,
    /// followed along its chain to the newest one the target serves (extensions/v1beta1 Ingress → networking.k8s.io/v1beta1
    /// → networking.k8s.io/v1); else the newest version of the same group and kind the target serves; else the first
    /// replacement not removed by then. Null when there is none.
    /// </summary>
    public static GroupVersionKind? ReplacementFor(GroupVersionKind gvk, KubernetesVersion target)
    {
        if (ApiLifecycle.Find(gvk.ApiVersion, gvk.Kind) is { } entry
            && ApiLifecycle.ReplacementFor(entry, target, candidate => IsServed(candidate, target)) is { } replacement)
        {
            return replacement;
        }

        return EmbeddedSchemas.Load(EmbeddedSchemas.Nearest(target)).Kinds
            .Where(k => k.Group == gvk.Group && k.Kind == gvk.Kind && k.Version != gvk.Version && IsServed(k, target))
            .OrderByDescending(k => ApiVersionOrder.Rank(k.Version))
            .Cast<GroupVersionKind?>()
            .FirstOrDefault();
    }
}
