using System.Text;
using Shipshape.Core.Engine;
using Shipshape.Core.Loading;
using Shipshape.Core.Model;

namespace Shipshape.Benchmarks;

/// <summary>
/// Makes a corpus N times larger: N copies of every manifest, each copy's objects renamed (<c>name</c> →
/// <c>name-cK</c>, and the Services and selectors they refer to likewise, by renaming every label value and
/// object name consistently), so cross-resource rules do the same work per copy and copies do not collide.
/// </summary>
public static class CorpusMultiplier
{
    public static int Run(string source, string target, int copies)
    {
        var inputs = InputCollector.Collect([source]);
        var files = 0;
        long bytes = 0;
        for (var copy = 1; copy <= copies; copy++)
        {
            foreach (var input in inputs)
            {
                var (file, _) = input.Read(Shipshape.Core.Loading.LoaderLimits.Default);
                if (file is null)
                {
                    continue;
                }

                var renamed = Rename(file, $"-c{copy}");
                var relative = Path.GetRelativePath(source, input.Path);
                var destination = Path.Combine(target, $"copy-{copy:D3}", relative);
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.WriteAllText(destination, renamed);
                files++;
                bytes += Encoding.UTF8.GetByteCount(renamed);
            }
        }

        Console.WriteLine($"{files} files, {bytes / 1e6:F1} MB in {target}");
        return 0;
    }

    /// <summary>Appends <paramref name="suffix"/> to every object name, label value and selector value of the file, in place.</summary>
    private static string Rename(SourceFile file, string suffix)
    {
        var loaded = new YamlLoader().Load(file);
        var objects = new List<KubeObject>();
        var ignored = new List<Shipshape.Core.Analysis.Diagnostic>();
        foreach (var document in loaded.Documents)
        {
            ObjectReader.Read(document, objects, ignored);
        }

        var edits = new SortedSet<(int Line, int Column)>();
        foreach (var item in objects)
        {
            AddEnd(edits, item.Metadata.NameNode);
            foreach (var label in item.Metadata.Labels.Entries)
            {
                AddEnd(edits, label.ValueNode);
            }

            if (item.PodTemplate is { } pod && !ReferenceEquals(pod.Metadata, item.Metadata))
            {
                foreach (var label in pod.Labels.Entries)
                {
                    AddEnd(edits, label.ValueNode);
                }
            }

            var selector = item switch
            {
                Workload workload => workload.Selector,
                Service service => service.Selector,
                _ => null,
            };
            foreach (var label in selector?.MatchLabels.Entries ?? [])
            {
                AddEnd(edits, label.ValueNode);
            }

            if (item is Ingress ingress)
            {
                foreach (var backend in ingress.Backends)
                {
                    AddEnd(edits, backend.ServiceNameNode);
                }
            }
        }

        var lines = file.Text.Split('\n');
        foreach (var (line, column) in edits.Reverse())
        {
            var text = lines[line - 1];
            if (column - 1 <= text.Length)
            {
                lines[line - 1] = text.Insert(column - 1, suffix);
            }
        }

        return string.Join('\n', lines);
    }

    private static void AddEnd(SortedSet<(int, int)> edits, Shipshape.Core.Syntax.Node? node)
    {
        // Only plain single-line scalars are renamed in place; quoted or multi-line ones are left as they are.
        if (node is Shipshape.Core.Syntax.ScalarNode { IsPlain: true, IsNull: false } scalar && scalar.Span.Line == scalar.Span.EndLine)
        {
            edits.Add((scalar.Span.EndLine, scalar.Span.EndColumn));
        }
    }
}
