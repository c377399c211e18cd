using Vigie.Errors;

namespace Vigie.Cli;

/// <summary>Exit codes of every command (the values of <see cref="ExitCode"/>, which the error catalogue gives each code).</summary>
public static class ExitCodes
{
    /// <summary>Everything went through.</summary>
    public const int Ok = (int)ExitCode.Ok;
    /// <summary>The command ran, but some inputs were rejected (each one reported on stderr).</summary>
    public const int SomeRejected = (int)ExitCode.SomeRejected;
    /// <summary>The command line is wrong (unknown command or option, bad value).</summary>
    public const int Usage = (int)ExitCode.Usage;
    /// <summary>The command could not run (missing database, unreadable file, internal error).</summary>
    public const int Failure = (int)ExitCode.Failure;
}

/// <summary>An error the user can fix by changing the command line; printed on one line, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>An error the user can fix outside the command line (a missing file or database); one line, exit code 3.</summary>
public sealed class UserException(string message) : Exception(message);

/// <summary>What the command was asked to show does not exist (an unknown event id); one line, exit code 1.</summary>
public sealed class NotFoundException(string message) : Exception(message);
