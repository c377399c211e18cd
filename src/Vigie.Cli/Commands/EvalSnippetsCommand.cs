using System.CommandLine;
using Vigie.Composition;
using Vigie.Lexicons;
using Vigie.Scoring;

namespace Vigie.Cli.Commands;

/// <summary><c>vigie eval-snippets CORPUS.tsv [--split tune|check] [--lang xx] [--explain|--markdown] [--undated]</c>: scores the subtype of one-event snippets.</summary>
public static class EvalSnippetsCommand
{
    public static Command Create()
    {
        var corpus = new Argument<string>("CORPUS") { Description = "A subtype corpus: tab-separated split, subtype, place, text, comment (tests/corpus/<lang>/subtypes.tsv)" };
        var split = new Option<string?>("--split") { Description = "Score only the rows of this split (default: each split, then all rows)", HelpName = "tune|check" };
        split.AcceptOnlyFromAmong("tune", "check");
        var lang = new Option<string?>("--lang")
        {
            Description = "Language of the snippets (default: the name of the folder that holds the corpus)",
            HelpName = string.Join("|", Languages.All),
        };
        lang.AcceptOnlyFromAmong([.. Languages.All]);
        var explain = new Option<bool>("--explain") { Description = "List each row whose subtype or place is wrong, with what was found" };
        var markdown = new Option<bool>("--markdown") { Description = "Print the per-subtype tables in Markdown (the figures of docs/ACCURACY.md)" };
        var undated = new Option<bool>("--undated") { Description = "Give the snippets no publication day (by default each is published on 2024-03-12)" };
        var command = new Command("eval-snippets", "Score the subtype of the first event read from each one-event snippet of a labelled corpus: accuracy, no-event rate, false events, precision and recall per subtype")
        {
            corpus, split, lang, explain, markdown, undated,
        };
        CliHelp.SetExamples(command,
            "vigie eval-snippets tests/corpus/en/subtypes.tsv",
            "vigie eval-snippets tests/corpus/en/subtypes.tsv --split tune --explain",
            "vigie eval-snippets tests/corpus/en/subtypes.tsv --undated");
        command.SetAction(parse => Run(parse.GetValue(corpus)!, parse.GetValue(split), parse.GetValue(lang), parse.GetValue(explain), parse.GetValue(markdown),
            parse.Out(), parse.GetValue(undated)));
        return command;
    }

    public static int Run(string path, string? split, string? lang, bool explain, bool markdown, TextWriter output, bool undated = false)
    {
        if (!File.Exists(path)) throw new UserException($"{path}: no such file");
        lang ??= Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path)));
        if (!Languages.Has(lang)) throw new UsageException($"{path}: the language cannot be told from the folder name; give --lang");
        IReadOnlyList<SubtypeRow> rows;
        try { rows = SubtypeCorpus.Load(path); }
        catch (FormatException e) { throw new UserException(e.Message); }
        if (split != null) rows = rows.Where(r => r.Split == split).ToList();
        var outcomes = SubtypeCorpus.Run(rows, PipelineFactory.Create(), lang!, undated);
        var reports = split != null
            ? [new SubtypeReport { Name = split, Outcomes = outcomes }]
            : new[] { "tune", "check" }.Select(s => new SubtypeReport { Name = s, Outcomes = outcomes.Where(o => o.Row.Split == s).ToList() })
                .Append(new SubtypeReport { Name = "all", Outcomes = outcomes }).ToList();
        foreach (var r in reports)
        {
            output.WriteLine(markdown ? r.ToMarkdown() : r.ToText(explain && r.Name != "all"));
        }
        return ExitCodes.Ok;
    }
}
