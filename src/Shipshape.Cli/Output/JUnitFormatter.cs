using System.Globalization;
using System.Text;
using System.Xml;
using Shipshape.Cli.Terminal;
using Shipshape.Core.Analysis;
using Shipshape.Core.Engine;

namespace Shipshape.Cli.Output;

/// <summary>
/// JUnit XML for CI test reports: one testsuite per file, one testcase per object (clean objects pass), and a
/// failure carrying every finding on an object. Findings about a file rather than an object (a syntax error) form
/// a testcase named after the file. Suppressed findings are left out; they do not fail anything. XML 1.0 cannot carry
/// most control characters or lone surrogates, which file names and YAML values may hold: they are written as escapes
/// (<c></c>), so the report stays well-formed.
/// </summary>
public sealed class JUnitFormatter : IReportFormatter
{
    private const string FileCase = "(file)";

    private static readonly XmlWriterSettings Settings = new()
    {
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
    };

    public void Write(LintReport report, TextWriter writer)
    {
        var suites = Group(report);
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, Settings))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("testsuites");
            xml.WriteAttributeString("name", "shipshape");
            WriteCounts(xml, suites.Sum(s => s.Cases.Count), suites.Sum(s => s.Failures));
            foreach (var suite in suites)
            {
                xml.WriteStartElement("testsuite");
                xml.WriteAttributeString("name", SafeText.Escape(suite.File));
                WriteCounts(xml, suite.Cases.Count, suite.Failures);
                foreach (var (name, findings) in suite.Cases)
                {
                    WriteCase(xml, suite.File, name, findings);
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
            xml.WriteEndDocument();
        }

        writer.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
        writer.WriteLine();
    }

    private static void WriteCounts(XmlWriter xml, int tests, int failures)
    {
        xml.WriteAttributeString("tests", tests.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("failures", failures.ToString(CultureInfo.InvariantCulture));
        xml.WriteAttributeString("errors", "0");
        xml.WriteAttributeString("skipped", "0");
    }

    private static void WriteCase(XmlWriter xml, string file, string name, List<Diagnostic> findings)
    {
        xml.WriteStartElement("testcase");
        xml.WriteAttributeString("name", SafeText.Escape(name));
        xml.WriteAttributeString("classname", SafeText.Escape(file));
        if (findings.Count > 0)
        {
            var first = findings[0];
            var more = findings.Count > 1 ? $" (and {findings.Count - 1} more)" : string.Empty;
            xml.WriteStartElement("failure");
            xml.WriteAttributeString("message", SafeText.Escape($"{first.Id}: {first.Message}{more}"));
            xml.WriteAttributeString("type", findings.Max(d => d.Severity).ToName());
            xml.WriteString(string.Join('\n', findings.Select(d => SafeText.Escape(d.ToString()))));
            xml.WriteEndElement();
        }

        xml.WriteEndElement();
    }

    /// <summary>Files in input order, objects in document order, each with its findings in report order.</summary>
    private static List<Suite> Group(LintReport report)
    {
        var suites = new List<Suite>();
        var byFile = new Dictionary<string, Suite>(StringComparer.Ordinal);
        Suite SuiteFor(string file)
        {
            if (!byFile.TryGetValue(file, out var suite))
            {
                byFile[file] = suite = new Suite(file);
                suites.Add(suite);
            }

            return suite;
        }

        foreach (var file in report.Files)
        {
            var suite = SuiteFor(file.Path);
            foreach (var identity in file.Objects)
            {
                suite.FindingsFor(identity.Describe());
            }
        }

        foreach (var diagnostic in report.Active)
        {
            SuiteFor(diagnostic.FilePath).FindingsFor(diagnostic.Resource?.Describe() ?? FileCase).Add(diagnostic);
        }

        return suites;
    }

    private sealed class Suite(string file)
    {
        private readonly Dictionary<string, List<Diagnostic>> _byCase = new(StringComparer.Ordinal);

        public string File { get; } = file;

        /// <summary>Test cases in first-seen order; an object defined twice in one file is one case.</summary>
        public List<(string Name, List<Diagnostic> Findings)> Cases { get; } = [];

        public int Failures => Cases.Count(c => c.Findings.Count > 0);

        public List<Diagnostic> FindingsFor(string name)
        {
            if (!_byCase.TryGetValue(name, out var findings))
            {
                _byCase[name] = findings = [];
                Cases.Add((name, findings));
            }

            return findings;
        }
    }
}
