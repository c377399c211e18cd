using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.Runtime.CompilerServices;

namespace Vigie.Cli;

/// <summary>Adds an "Examples:" section to --help. Commands declare theirs with <see cref="SetExamples"/>.</summary>
public static class CliHelp
{
    private static readonly ConditionalWeakTable<Command, string[]> Examples = new();

    public static T SetExamples<T>(T command, params string[] examples) where T : Command
    {
        Examples.AddOrUpdate(command, examples);
        return command;
    }

    public static IReadOnlyList<string> GetExamples(Command command) =>
        Examples.TryGetValue(command, out var e) ? e : [];

    /// <summary>Makes the root's help option print the examples after the standard sections.</summary>
    public static void Install(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().FirstOrDefault();
        if (help?.Action is HelpAction standard) help.Action = new WithExamples(standard);
    }

    private sealed class WithExamples(HelpAction standard) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            var rc = standard.Invoke(parseResult);
            var examples = GetExamples(parseResult.CommandResult.Command);
            if (examples.Count == 0) return rc;
            var output = parseResult.InvocationConfiguration.Output;
            output.WriteLine("Examples:");
            foreach (var e in examples) output.WriteLine("  " + e);
            output.WriteLine();
            return rc;
        }
    }
}
