using System.CommandLine;
using Vigie.Composition;
using Vigie.Scoring;

namespace Vigie.Cli.Commands;

/// <summary><c>vigie eval-snippets CORPUS.tsv [--split tune|check] [--explain] [--markdown]</c>: scores the subtype of one-event snippets.</summary>
public static class EvalSnippetsCommand
{
    public static Command Create()
    {
        var corpus = new Argument<string>("CORPUS") { Description = "A subtype corpus (tests/corpus/LANG/subtypes.tsv: split, subtype, place, text, comment); its folder names the language" };
        var split = new Option<string?>("--split") { Description = "Score only the rows of this part of the corpus", HelpName = "tune|check" };
        split.AcceptOnlyFromAmong("tune", "check");
        var explain = new Option<bool>("--explain") { Description = "List every row whose first event is not the expected one, with the place found" };
        var markdown = new Option<bool>("--markdown") { Description = "Print the per-subtype table as Markdown (the figures of docs/ACCURACY.md)" };
        var command = new Command("eval-snippets",
            "Score the ACLED subtype of one-event snippets: accuracy of the first event, rows with no event, false events on rows without one, per-subtype precision, recall and F1")
        {
            corpus, split, explain, markdown,
        };
        CliHelp.SetExamples(command,
            "vigie eval-snippets tests/corpus/fr/subtypes.tsv",
            "vigie eval-snippets tests/corpus/fr/subtypes.tsv --split check --explain");
        command.SetAction(parse => Run(parse.GetValue(corpus)!, parse.GetValue(split), parse.GetValue(explain), parse.GetValue(markdown), parse.Out()));
        return command;
    }

    /// <summary>Exit 0 when scored; a missing or malformed file is a <see cref="UserException"/>.</summary>
    public static int Run(string path, string? split, bool explain, bool markdown, TextWriter output)
    {
        if (!File.Exists(path)) throw new UserException($"{path}: no such file");
        List<SubtypeCorpusRow> rows;
        try { rows = SubtypeCorpus.Read(path); }
        catch (FormatException e) { throw new UserException(e.Message); }
        if (split != null) rows = rows.Where(r => r.Split == split).ToList();
        if (rows.Count == 0) throw new UserException($"{path}: no row to score");
        var report = new SubtypeCorpusReport(SubtypeCorpus.Run(rows, PipelineFactory.Create(), SubtypeCorpus.LanguageOf(path)));
        output.WriteLine($"corpus: {path} ({rows.Count} rows{(split != null ? $", split {split}" : "")})");
        output.Write(markdown ? report.ToMarkdown() : report.ToText(explain));
        return ExitCodes.Ok;
    }
}
