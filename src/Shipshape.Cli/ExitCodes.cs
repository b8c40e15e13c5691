namespace Shipshape.Cli;

/// <summary>The exit codes of design.md.</summary>
public static class ExitCodes
{
    /// <summary>Nothing at or above the fail level.</summary>
    public const int Clean = 0;

    /// <summary>Findings at or above the fail level.</summary>
    public const int Findings = 1;

    /// <summary>Usage, I/O or internal error.</summary>
    public const int Failure = 2;
}

/// <summary>The command line asks for something that cannot be done; exit code 2 with this one-line message.</summary>
public sealed class UsageException(string message) : Exception(message);
