namespace Shipshape.Core.Model;

/// <summary>Reads container image references: <c>registry:5000/team/app:1.2@sha256:…</c>.</summary>
public static class ImageReference
{
    /// <summary>Why <paramref name="image"/> is not pinned ("has no tag", "uses the 'latest' tag"), or null when it has a version tag or a digest.</summary>
    public static string? UnpinnedReason(string image)
    {
        if (image.Contains('@', StringComparison.Ordinal))
        {
            return null;
        }

        // A ':' after the last '/' starts the tag; one before it belongs to a registry host's port.
        var lastSlash = image.LastIndexOf('/');
        var colon = image.IndexOf(':', lastSlash + 1);
        if (colon < 0)
        {
            return "has no tag, which means 'latest'";
        }

        return image[(colon + 1)..] == "latest" ? "uses the 'latest' tag" : null;
    }
}
