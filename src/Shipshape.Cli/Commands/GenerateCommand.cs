using System.CommandLine;
using Shipshape.Builder.Generation;
using System.Text;
using Shipshape.Core.Loading;
using Shipshape.Core.Loading.FileSystem;

namespace Shipshape.Cli.Commands;

/// <summary>
/// <c>shipshape generate csharp FILE...</c>: writes a Shipshape.Builder program that builds the same objects as
/// the manifests, to standard output or <c>--output</c>: typed with the hand-written builder or the generated class of
/// each kind, <c>.Set(path, value)</c> and <c>RawResource.FromYaml</c> where neither has a method, so nothing is dropped. A file that does not read as YAML, or a
/// document that is not an object, is exit code 2 with its file, line and column. <c>--crd FILE</c> adds typed classes
/// for the kinds CustomResourceDefinitions define, which the program's custom resources then use; with no manifests it
/// writes just those classes.
/// </summary>
public static class GenerateCommand
{
    public static Command Create(TextWriter stdout, Func<Stream> openStandardInput)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Manifest files, directories (searched recursively for *.yaml, *.yml, *.json), or - for standard input",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var output = new Option<string?>("--output", "-o")
        {
            Description = "Write the code to FILE instead of standard output",
            HelpName = "FILE",
        };
        var crd = new Option<string[]>("--crd")
        {
            Description = "CustomResourceDefinitions (files or directories) to write typed builder classes for; the manifests' custom resources of their kinds use them. Repeatable",
            HelpName = "FILE",
        };
        var csharp = new Command("csharp", "Write C# (Shipshape.Builder) code that builds the manifests' objects") { paths, output, crd };
        csharp.SetAction(parse =>
        {
            var manifestPaths = parse.GetValue(paths) ?? [];
            var crdPaths = parse.GetValue(crd) ?? [];
            if (manifestPaths.Length == 0 && crdPaths.Length == 0)
            {
                throw new UsageException("generate csharp needs manifests to turn into code, or --crd FILE for the classes of custom resources (or both).");
            }

            var inputs = InputCollector.Collect(manifestPaths, openStandardInput);
            var crdInputs = crdPaths.Length == 0 ? [] : InputCollector.Collect(crdPaths, openStandardInput);
            var outputPath = parse.GetValue(output);
            if (outputPath is not null)
            {
                // Checked before anything is read or written: generating over an input would destroy it.
                new OutputGuard([.. inputs.Concat(crdInputs).Where(input => input.IsFile).Select(input => (input.Path, OutputGuard.GeneratorInput))], []).Check(outputPath, "--output");
            }

            var files = inputs.Select(ReadOrFail).ToArray();
            var definitions = crdInputs.Select(ReadOrFail).ToArray();
            string code;
            try
            {
                code = files.Length == 0 ? CSharpGenerator.GenerateTypes(definitions) : CSharpGenerator.Generate(files, definitions);
            }
            catch (GeneratorException exception)
            {
                throw new UsageException(exception.Message);
            }

            if (outputPath is not null)
            {
                try
                {
                    OutputGuard.Write(outputPath, stream =>
                    {
                        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                        writer.Write(code);
                    });
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    throw new InputException($"{outputPath}: cannot write the code: {exception.Message}", exception);
                }
            }
            else
            {
                stdout.Write(code);
            }

            return ExitCodes.Clean;
        });
        return new Command("generate", "Generate code from manifests") { csharp };
    }

    /// <summary>The file's text; a file that cannot be read (missing, too large, not UTF-8) is exit code 2 with the reason.</summary>
    private static SourceFile ReadOrFail(InputSource input)
    {
        var result = input.Read(LoaderLimits.Default);
        return result.File ?? throw new UsageException(result.Problem!.ToString());
    }
}
