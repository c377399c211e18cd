using System.CommandLine;
using Vigie.Errors;

namespace Vigie.Cli;

/// <summary>Parses, reports usage errors on one line (exit 2) and runs the chosen command without ever printing a stack trace for a user error.</summary>
public static class CliRunner
{
    public static async Task<int> RunAsync(RootCommand root, string[] args, TextWriter output, TextWriter error, CancellationToken cancel = default)
    {
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            var command = parse.CommandResult.Command;
            // "vigie evnts": one line naming the word and the nearest command, not System.CommandLine's list
            if (command == root && args.Length > 0 && !args[0].StartsWith('-') && root.Subcommands.All(c => c.Name != args[0]))
            {
                var nearest = root.Subcommands.Where(c => !c.Hidden).Select(c => (c.Name, Distance: Distance(c.Name, args[0])))
                    .OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault();
                var hint = nearest.Name != null && nearest.Distance <= Math.Max(2, args[0].Length / 3) ? $" (did you mean '{nearest.Name}'?)" : "";
                error.WriteLine($"vigie: unknown command '{args[0]}'{hint}");
                error.WriteLine("Run 'vigie --help' for the list of commands.");
                return ExitCodes.Usage;
            }
            var name = command == root ? "vigie" : "vigie " + command.Name;
            foreach (var e in parse.Errors) error.WriteLine($"{name}: {e.Message}");
            error.WriteLine($"Run '{name} --help' for usage.");
            return ExitCodes.Usage;
        }
        var config = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        // long-running commands stop on SIGINT/SIGTERM themselves, once their batch is written (StopSignal)
        if (parse.CommandResult.Command is ServiceCommand) config.ProcessTerminationTimeout = null;
        try
        {
            return await parse.InvokeAsync(config, cancel);
        }
        catch (Exception e)
        {
            return Report(e, error);
        }
    }

    /// <summary>
    /// Builds the command tree, then runs it as <see cref="RunAsync(RootCommand, string[], TextWriter, TextWriter, CancellationToken)"/>
    /// does: building reads the language packs, and a missing pack is the user's error (one line), not a crash.
    /// </summary>
    public static Task<int> RunAsync(Func<RootCommand> build, string[] args, TextWriter output, TextWriter error, CancellationToken cancel = default)
    {
        RootCommand root;
        try { root = build(); }
        catch (Exception e) { return Task.FromResult(Report(e, error)); }
        return RunAsync(root, args, output, error, cancel);
    }

    /// <summary>One line on the error writer for an exception that ended a command, and the exit code it gives.</summary>
    private static int Report(Exception e, TextWriter error)
    {
        switch (e)
        {
            case var _ when ErrorCatalogue.Of(e.Message) is { } entry:
                // a numbered message: one line, and the exit code its catalogue entry gives
                error.WriteLine($"vigie: {e.Message}");
                return (int)entry.Exit;
            case UsageException: error.WriteLine($"vigie: {e.Message}"); return ExitCodes.Usage;
            case NotFoundException: error.WriteLine($"vigie: not found: {e.Message}"); return ExitCodes.SomeRejected;
            case UserException or Storage.StoreException or Queue.QueueException: error.WriteLine($"vigie: {e.Message}"); return ExitCodes.Failure;
            case OperationCanceledException: error.WriteLine("vigie: cancelled"); return ExitCodes.Failure;
            case System.Data.Common.DbException:
                // the database went away or refused a statement mid-command (a server restarted, a disk full)
                error.WriteLine("vigie: " + ErrorCatalogue.DatabaseFailed.Message("database", e.Message.ReplaceLineEndings(" ")));
                return ExitCodes.Failure;
            case IOException or UnauthorizedAccessException: error.WriteLine($"vigie: {e.Message}"); return ExitCodes.Failure;
            default:
                // Not a user error: one line by default, the full trace when VIGIE_DEBUG is set.
                error.WriteLine($"vigie: internal error: {e.GetType().Name}: {e.Message}");
                if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("VIGIE_DEBUG"))) error.WriteLine(e);
                else error.WriteLine("vigie: set VIGIE_DEBUG=1 to see the details.");
                return ExitCodes.Failure;
        }
    }

    /// <summary>Edit distance (insertions, deletions, substitutions, swaps of neighbours) between two words.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}
