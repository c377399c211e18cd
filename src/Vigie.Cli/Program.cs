using System.CommandLine;
using Vigie.Cli.Commands;

namespace Vigie.Cli;

/// <summary>
/// The <c>vigie</c> command. Every command is one class in Commands/ with a
/// <c>public static Command Create()</c>; to add one, add its Create to <see cref="Commands"/>.
/// </summary>
public static class Program
{
    /// <summary>The commands, in the order --help lists them.</summary>
    public static readonly IReadOnlyList<Func<Command>> Commands =
    [
        DemoCommand.Create,
        ExtractCommand.Create,
        IngestCommand.Create,
        WatchCommand.Create,
        WorkerCommand.Create,
        DocsCommand.Create,
        EventsCommand.Create,
        ShowCommand.Create,
        StatsCommand.Create,
        ExportCommand.Create,
        ServeCommand.Create,
        MigrateCommand.Create,
        EvalCommand.Create,
        EvalSnippetsCommand.Create,
        AuditCommand.Create,
        GazetteerCommand.Create,
        HelpDocCommand.Create,
    ];

    public static Task<int> Main(string[] args) => RunAsync(args, Console.Out, Console.Error);

    /// <summary>Runs one command line with the given output and error writers; returns the exit code.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancel = default) =>
        CliRunner.RunAsync(BuildRoot, args, output, error, cancel);

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("Vigie: conflict events and casualty figures from dated news articles, with the text that supports each value.");
        root.Options.Add(GlobalOptions.CreateDb());
        root.Options.Add(TextTable.CreateWide());
        foreach (var create in Commands) root.Subcommands.Add(create());
        CliHelp.Install(root);
        CliHelp.SetExamples(root, "vigie demo", "vigie extract article.txt --date 2018-04-27", "vigie <command> --help");
        return root;
    }
}
