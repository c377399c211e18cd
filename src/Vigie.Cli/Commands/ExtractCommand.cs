using System.CommandLine;
using Spectre.Console;
using Vigie.Extraction;
using Vigie.Json;
using Vigie.Model;
using Vigie.Pipeline;
using Vigie.Readers;

namespace Vigie.Cli.Commands;

/// <summary><c>vigie extract PATH...</c>: runs the extraction on the inputs and prints the records, without a database.</summary>
public static class ExtractCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Input files or folders ('-' reads stdin)",
            Arity = ArgumentArity.OneOrMore,
        };
        CliOptions.RejectOptionLikeValues(paths);
        var format = CliOptions.Choice("--format", "Output: one JSON record per document, or a table of the events", "jsonl", "jsonl", "table");
        var date = CliOptions.Date("--date", "Publication date for inputs that carry none");
        var inputFormat = new Option<string?>("--input-format")
        {
            Description = "Read every input as this format (seed, txt, jsonl, json, csv, html, feed) instead of guessing from the name",
            HelpName = "FORMAT",
        };
        var command = new Command("extract", "Extract events and casualty figures from articles and print them (nothing is stored)")
        {
            paths, format, date, inputFormat,
        };
        CliHelp.SetExamples(command,
            "vigie extract article.txt --date 2018-04-27",
            "vigie extract ../shared/gold/dev.jsonl > extracted.jsonl",
            "cat article.txt | vigie extract - --date 2024-02-10 --format table");
        command.SetAction(parse => Run(parse,
            parse.GetValue(paths) ?? [],
            parse.GetValue(format) ?? "jsonl",
            new ReaderOptions { Date = parse.GetValue(date), Format = parse.GetValue(inputFormat) }));
        return command;
    }

    private static int Run(ParseResult parse, string[] paths, string format, ReaderOptions options)
    {
        var pipeline = PipelineFactory.Create();
        var output = parse.Out();
        var error = parse.Err();
        var table = format == "table" ? NewTable() : null;
        var rejected = 0;
        foreach (var item in Inputs.Read(paths, options))
        {
            if (item.Problem != null)
            {
                error.WriteLine(item.Problem);
                if (item.Problem.Severity == ProblemSeverity.Error) rejected++;
            }
            if (item.Document == null) continue;
            pipeline.Run(item.Document);
            var record = RecordMapper.ToRecord(item.Document);
            if (table != null) AddRows(table, record);
            else output.WriteLine(VigieJson.Serialize(record));
        }
        if (table != null) Terminal.Console(parse).Write(table);
        return rejected > 0 ? ExitCodes.SomeRejected : ExitCodes.Ok;
    }

    private static Table NewTable()
    {
        var t = new Table().AddColumns("document", "date", "type", "place", "actor 1", "actor 2", "killed", "modality");
        t.Border(TableBorder.Simple);
        return t;
    }

    private static void AddRows(Table table, DocumentRecord record)
    {
        foreach (var e in record.Events ?? [])
            table.AddRow(
                Markup.Escape(record.Id),
                Markup.Escape(Format.Date(e.Date)),
                Markup.Escape(Format.Type(e)),
                Markup.Escape(e.Location?.Name ?? ""),
                Markup.Escape(e.Actor1?.Name ?? ""),
                Markup.Escape(e.Actor2?.Name ?? ""),
                e.Fatalities?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                e.Modality.ToString().ToLowerInvariant());
    }
}
