using Vigie.Cli;

namespace Vigie.Tests;

/// <summary>Runs the vigie entry point in-process and captures what it prints.</summary>
public sealed record CliRun(int ExitCode, string Out, string Err)
{
    public static CliRun Of(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var rc = Program.RunAsync(args, output, error).GetAwaiter().GetResult();
        return new CliRun(rc, output.ToString(), error.ToString());
    }
}
