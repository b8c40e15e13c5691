using System.Diagnostics;
using Shipshape.Core.Loading.FileSystem;

namespace Shipshape.Core.Tests.Loading;

/// <summary>
/// The walker reads directories through the runtime's shim (readdir's kinds) instead of .NET's enumeration, which stats
/// every entry. Both must say the same of every kind of entry a tree can hold.
/// </summary>
public sealed class UnixDirectoryTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "shipshape-readdir-" + Guid.NewGuid().ToString("N"));

    public UnixDirectoryTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Every_kind_of_entry_is_described_as_dotnet_enumeration_describes_it()
    {
        Assert.False(OperatingSystem.IsWindows(), "The shim is read on Linux and macOS only; CI runs on Linux.");
        File.WriteAllText(Path.Combine(_root, "pod.yaml"), "kind: Pod\n");
        File.WriteAllText(Path.Combine(_root, "ünïcode name.yml"), "kind: Pod\n");
        Directory.CreateDirectory(Path.Combine(_root, "sub"));
        File.CreateSymbolicLink(Path.Combine(_root, "link-to-file.yaml"), Path.Combine(_root, "pod.yaml"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "link-to-dir"), Path.Combine(_root, "sub"));
        File.CreateSymbolicLink(Path.Combine(_root, "broken.yaml"), Path.Combine(_root, "missing"));
        using (var mkfifo = Process.Start("mkfifo", Path.Combine(_root, "pipe.yaml")))
        {
            mkfifo.WaitForExit();
        }

        var read = UnixDirectory.TryRead(_root);

        Assert.NotNull(read);
        var expected = new System.IO.Enumeration.FileSystemEnumerable<(string, bool, bool)>(
            _root,
            (ref System.IO.Enumeration.FileSystemEntry entry) =>
                (entry.FileName.ToString(), entry.IsDirectory, (entry.Attributes & FileAttributes.ReparsePoint) != 0),
            new EnumerationOptions { IgnoreInaccessible = false, AttributesToSkip = 0 });
        Assert.Equal(expected.Order(), read.Order());
        Assert.Equal(
            [
                ("broken.yaml", false, true), ("link-to-dir", true, true), ("link-to-file.yaml", false, true), ("pipe.yaml", false, false),
                ("pod.yaml", false, false), ("sub", true, false), ("ünïcode name.yml", false, false),
            ],
            read.Order());
    }

    [Fact]
    public void A_missing_directory_is_DirectoryNotFoundException_as_with_dotnet()
    {
        var missing = Path.Combine(_root, "gone");

        var exception = Assert.Throws<DirectoryNotFoundException>(() => UnixDirectory.TryRead(missing));

        Assert.Equal($"Could not find a part of the path '{missing}'.", exception.Message);
    }

    [Fact]
    public void A_file_is_not_a_directory_to_read()
    {
        var file = Path.Combine(_root, "pod.yaml");
        File.WriteAllText(file, "kind: Pod\n");

        var exception = Assert.Throws<IOException>(() => UnixDirectory.TryRead(file));

        Assert.EndsWith($": '{file}'", exception.Message, StringComparison.Ordinal);
    }
}
