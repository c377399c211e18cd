using System.CommandLine;
using Vigie.Cli;
using Vigie.Errors;

namespace Vigie.Tests;

/// <summary>A numbered message thrown by any layer reaches the user as one line with the exit code of its catalogue entry.</summary>
public class CliRunnerErrorTests
{
    private static (int Code, string Err) Run(Exception thrown)
    {
        var root = new RootCommand("test");
        var fail = new Command("fail", "throws");
        fail.SetAction((Func<ParseResult, int>)(_ => throw thrown));
        root.Subcommands.Add(fail);
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliRunner.RunAsync(root, ["fail"], output, error).GetAwaiter().GetResult();
        return (code, error.ToString());
    }

    [Fact]
    public void CodedException_OfAnyType_GivesOneLineAndTheEntrysExitCode()
    {
        var (code, err) = Run(new InvalidDataException(ErrorCatalogue.GazetteerDamaged.Message("/tmp/x.idx", "too short")));
        Assert.Equal((int)ErrorCatalogue.GazetteerDamaged.Exit, code);
        Assert.Equal("vigie: VIG-G003: /tmp/x.idx is not a usable Vigie gazetteer index (too short); compile or import it again", err.Trim());
        Assert.DoesNotContain("internal error", err);
    }

    [Fact]
    public void CodedUsageError_ExitsTwo_AndAnUncodedFailureIsAnInternalError()
    {
        var (code, err) = Run(new InvalidOperationException(ErrorCatalogue.RemoteAddress.Message("http://10.0.0.1:80")));
        Assert.Equal(ExitCodes.Usage, code);
        Assert.StartsWith("vigie: VIG-W003: ", err);

        var (other, otherErr) = Run(new InvalidOperationException("something else"));
        Assert.Equal(ExitCodes.Failure, other);
        Assert.Contains("internal error", otherErr);
    }

    [Fact]
    public async Task ACommandTreeThatCannotBeBuilt_GivesOneLineAndTheEntrysExitCode_NotATrace()
    {
        // the command tree reads the language packs; without them the user is told where to point VIGIE_HOME
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CliRunner.RunAsync(
            () => throw new DirectoryNotFoundException(ErrorCatalogue.DataMissing.Message("the language packs (lang/fr)")),
            ["extract", "x.txt"], output, error);
        Assert.Equal((int)ErrorCatalogue.DataMissing.Exit, code);
        var lines = error.ToString().Trim().Split('\n');
        Assert.Single(lines);
        Assert.StartsWith("vigie: VIG-D001: the language packs (lang/fr) not found", lines[0]);
        Assert.Equal("", output.ToString());
    }
}
