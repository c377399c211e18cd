using System.CommandLine;
using Spectre.Console;

namespace Vigie.Cli;

/// <summary>Spectre.Console surfaces bound to the command's output writer (colour and live progress only on a real terminal).</summary>
public static class Terminal
{
    public static TextWriter Out(this ParseResult parse) => parse.InvocationConfiguration.Output;
    public static TextWriter Err(this ParseResult parse) => parse.InvocationConfiguration.Error;

    /// <summary>True when the output is the process's console and that console is an interactive terminal.</summary>
    public static bool IsInteractive(ParseResult parse) =>
        ReferenceEquals(parse.Out(), System.Console.Out) && !System.Console.IsOutputRedirected
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));
}

/// <summary>
/// Where a command writes, read once from its command line: the output and error writers, whether the output is an
/// interactive terminal, and whether tables keep every column (<c>--wide</c>). Every command runs on its typed
/// options and this, never on the whole parse result.
/// </summary>
public sealed record CommandOutput(TextWriter Out, TextWriter Err, bool Interactive = false, bool Wide = false)
{
    public static CommandOutput Of(ParseResult parse) =>
        new(parse.Out(), parse.Err(), Terminal.IsInteractive(parse), parse.GetValue<bool>(TextTable.WideName));

    /// <summary>A Spectre.Console surface over <see cref="Out"/> (colour and live display only on a terminal).</summary>
    public IAnsiConsole Console()
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Out),
            Ansi = Interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = Interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = Interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        // pipes and files get the whole table rather than 80 columns
        if (!Interactive) console.Profile.Width = 200;
        return console;
    }
}
