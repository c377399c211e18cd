using System.CommandLine;
using Vigie.Composition;
using Vigie.Lexicons;
using Vigie.Model;
using Vigie.Pipeline;
using Vigie.Scoring;

namespace Vigie.Cli.Commands;

/// <summary><c>vigie eval GOLD.jsonl [--system SYSTEM.jsonl] [--json|--markdown] [--explain] [--lang fr|en]</c>: scores extraction against gold annotations.</summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var gold = new Argument<string>("GOLD") { Description = "Gold annotations, one JSON document per line (format: ../shared/spec/event-format.md)" };
        var system = new Option<string?>("--system")
        {
            Description = "Score this saved extraction output (JSONL) instead of running the extraction on the gold texts",
            HelpName = "FILE",
        };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON (with --explain: also every finding)" };
        var markdown = new Option<bool>("--markdown") { Description = "Print the summary as a Markdown table (the figures of docs/ACCURACY.md)" };
        var explain = new Option<bool>("--explain") { Description = "List each miss, false positive and wrong value with the sentence it comes from" };
        var subtypes = new Option<bool>("--subtypes") { Description = "Print event precision, recall and F1 per ACLED subtype and language as a Markdown table" };
        var lang = new Option<string?>("--lang") { Description = "Score only the gold documents in this language", HelpName = string.Join("|", Languages.All) };
        lang.AcceptOnlyFromAmong([.. Languages.All]);
        var command = new Command("eval", "Score the extraction against gold annotations: events, casualty figures, resolved publication dates, per language and per document")
        {
            gold, system, json, markdown, explain, lang, subtypes,
        };
        CliHelp.SetExamples(command,
            "vigie eval ../shared/gold/dev.jsonl",
            "vigie eval ../shared/gold/dev.jsonl --lang fr --explain",
            "vigie eval ../shared/gold/dev.jsonl --system extracted.jsonl --json",
            "vigie eval ../shared/gold/dev2.jsonl --subtypes");
        command.SetAction(parse => Run(
            new Settings(parse.GetValue(gold)!, parse.GetValue(system), parse.GetValue(json), parse.GetValue(explain), parse.GetValue(lang), parse.GetValue(markdown), parse.GetValue(subtypes)),
            parse.Out(), parse.Err()));
        return command;
    }

    public sealed record Settings(string Gold, string? System = null, bool Json = false, bool Explain = false, string? Lang = null, bool Markdown = false, bool Subtypes = false);

    /// <summary>Exit 0 when scored (bad lines are reported with file:line and skipped); a missing file or an empty gold set is a <see cref="UserException"/>.</summary>
    public static int Run(Settings o, TextWriter output, TextWriter error)
    {
        if (o.Json && o.Markdown) throw new UsageException("--json and --markdown cannot be used together");
        if (o.Subtypes && (o.Json || o.Explain)) throw new UsageException("--subtypes prints its own table: use it without --json and --explain");
        foreach (var path in new[] { o.Gold, o.System })
            if (path != null && !File.Exists(path)) throw new UserException($"{path}: no such file");
        var problems = new List<string>();
        var gold = RecordFile.Read(o.Gold, problems);
        if (o.Lang != null) gold = gold.Where(g => string.Equals(g.Lang, o.Lang, StringComparison.OrdinalIgnoreCase)).ToList();
        List<DocumentRecord> found = o.System != null
            ? RecordFile.Read(o.System, problems)
            : RecordFile.Extract(gold, PipelineFactory.Create(), o.Gold);
        foreach (var p in problems) error.WriteLine(p);
        if (gold.Count == 0) throw new UserException($"{o.Gold}: no gold document{(o.Lang != null ? $" in language '{o.Lang}'" : "")} to score");

        var result = new Scorer().Score(gold, found);
        if (o.Subtypes) output.Write(EvaluationReport.ToSubtypeMarkdown(result, Path.GetFileName(o.Gold)));
        else if (o.Json) output.WriteLine(EvaluationReport.ToJson(result, o.Explain));
        else if (o.Markdown) output.Write(EvaluationReport.ToMarkdown(result, Path.GetFileName(o.Gold)));
        else
        {
            output.WriteLine($"gold: {o.Gold} ({gold.Count} documents); system: {o.System ?? "extraction run now on the gold texts"}");
            output.WriteLine();
            output.Write(EvaluationReport.ToText(result, o.Explain));
        }
        return ExitCodes.Ok;
    }
}
