using Microsoft.Win32.SafeHandles;

namespace Shipshape.Cli.Output;

/// <summary>
/// Standard output and error without the console's set-up. On Linux and macOS the first write to a console stream sets
/// up terminal and signal handling (a thread, the terminfo database), and creating the console's error writer looks up
/// the terminal's encoding: together about a millisecond of a one-file lint, for nothing a report needs.
/// </summary>
public static class StandardStreams
{
    /// <summary>Descriptor 1 as a plain unbuffered file stream (the writer above it buffers); the console's on Windows.</summary>
    public static Stream OpenOutput() => OperatingSystem.IsWindows()
        ? Console.OpenStandardOutput()
        : new FileStream(new SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0);

    /// <summary>The console's error writer, created at the first write: a run that succeeds never writes to it.</summary>
    public static TextWriter Error { get; } = new DeferredWriter(() => Console.Error);

    private sealed class DeferredWriter(Func<TextWriter> create) : TextWriter
    {
        private TextWriter? _writer;

        private TextWriter Writer => _writer ??= create();

        public override System.Text.Encoding Encoding => Writer.Encoding;

        public override void Write(char value) => Writer.Write(value);

        public override void Write(char[] buffer, int index, int count) => Writer.Write(buffer, index, count);

        public override void Write(string? value) => Writer.Write(value);

        public override void WriteLine(string? value) => Writer.WriteLine(value);

        public override void Flush() => _writer?.Flush();
    }
}
