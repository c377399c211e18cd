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

    public static IAnsiConsole Console(ParseResult parse)
    {
        var interactive = IsInteractive(parse);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(parse.Out()),
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Detect : InteractionSupport.No,
        });
        // pipes and files get the whole table rather than 80 columns
        if (!interactive) console.Profile.Width = 200;
        return console;
    }
}
