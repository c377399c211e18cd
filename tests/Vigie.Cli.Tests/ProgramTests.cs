using System.CommandLine;
using Vigie.Cli;
using Vigie.Cli.Commands;
using Vigie.Lexicons;

namespace Vigie.Tests;

public class ProgramTests
{
    [Fact]
    public void Help_Root_ListsEveryCommand()
    {
        var run = CliRun.Of("--help");
        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        foreach (var create in Program.Commands)
            Assert.Contains("  " + create().Name, run.Out);
    }

    [Fact]
    public void Help_EveryCommand_HasDescriptionAndExample()
    {
        foreach (var command in Program.BuildRoot().Subcommands)
        {
            Assert.False(string.IsNullOrWhiteSpace(command.Description), command.Name);
            Assert.NotEmpty(CliHelp.GetExamples(command));
            var run = CliRun.Of(command.Name, "--help");
            Assert.Equal(ExitCodes.Ok, run.ExitCode);
            Assert.Contains("Examples:", run.Out);
            Assert.Contains("vigie " + command.Name, run.Out);
        }
    }

    [Fact]
    public void Run_NoCommand_IsUsageErrorOnStderr()
    {
        var run = CliRun.Of();
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Contains("--help", run.Err);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("extract", "--no-such-option", "a.txt")]
    [InlineData("extract", "a.txt", "--date", "2018-13-01")]
    [InlineData("extract", "a.txt", "--format", "xml")]
    [InlineData("extract")]
    public void Run_BadCommandLine_ExitsTwoWithoutStackTrace(params string[] args)
    {
        var run = CliRun.Of(args);
        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.DoesNotContain("   at ", run.Err);
        Assert.StartsWith("vigie", run.Err);
    }

    [Fact]
    public void CliDoc_Committed_MatchesGeneratedHelp()
    {
        var path = Path.Combine(DataPaths.Root, "docs", "CLI.md");
        Assert.True(File.Exists(path), "docs/CLI.md is missing: run `./vigie help-doc > docs/CLI.md`");
        var committed = File.ReadAllText(path).Replace("\r\n", "\n");
        Assert.True(HelpDocCommand.Render() == committed, "docs/CLI.md is out of date: run `./vigie help-doc > docs/CLI.md`");
    }

    [Fact]
    public void CliDoc_Generated_DocumentsEveryCommandAndOption()
    {
        var doc = HelpDocCommand.Render();
        foreach (var command in Program.BuildRoot().Subcommands)
        {
            Assert.Contains("## vigie " + command.Name, doc);
            foreach (var option in command.Options)
                Assert.Contains(option.Name, doc);
        }
    }
}
