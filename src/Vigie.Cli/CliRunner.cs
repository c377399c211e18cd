using System.CommandLine;

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
            var name = command == root ? "vigie" : "vigie " + command.Name;
            foreach (var e in parse.Errors) error.WriteLine($"{name}: {e.Message}");
            error.WriteLine($"Run '{name} --help' for usage.");
            return ExitCodes.Usage;
        }
        var config = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            return await parse.InvokeAsync(config, cancel);
        }
        catch (UsageException e) { error.WriteLine($"vigie: {e.Message}"); return ExitCodes.Usage; }
        catch (UserException e) { error.WriteLine($"vigie: {e.Message}"); return ExitCodes.Failure; }
        catch (Storage.Sqlite.StoreException e) { error.WriteLine($"vigie: {e.Message}"); return ExitCodes.Failure; }
        catch (OperationCanceledException) { error.WriteLine("vigie: cancelled"); return ExitCodes.Failure; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"vigie: {e.Message}");
            return ExitCodes.Failure;
        }
        catch (Exception e)
        {
            // Not a user error: one line by default, the full trace when VIGIE_DEBUG is set.
            error.WriteLine($"vigie: internal error: {e.GetType().Name}: {e.Message}");
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("VIGIE_DEBUG"))) error.WriteLine(e);
            else error.WriteLine("vigie: set VIGIE_DEBUG=1 to see the details.");
            return ExitCodes.Failure;
        }
    }
}
