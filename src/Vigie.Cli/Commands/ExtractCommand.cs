using System.CommandLine;
using Spectre.Console;
using Vigie.Composition;
using Vigie.Extraction.Assembly;
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
        var threads = new Option<int?>("--threads")
        {
            Description = "Extraction threads, default: one per core (records are still printed in input order)",
            HelpName = "N",
        };
        threads.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 1 or > 256) r.AddError("--threads must be between 1 and 256");
        });
        var maxSize = CliOptions.MaxDocumentSize();
        var explain = new Option<bool>("--explain")
        {
            Description = "Also print on stderr, for each event, the candidate subtypes with their evidence and the rule that chose the winner",
        };
        var command = new Command("extract", "Extract events and casualty figures from articles and print them (nothing is stored)")
        {
            paths, format, date, inputFormat, threads, maxSize, explain,
        };
        CliHelp.SetExamples(command,
            "vigie extract article.txt --date 2018-04-27",
            "vigie extract ../shared/gold/dev.jsonl > extracted.jsonl",
            "cat article.txt | vigie extract - --date 2024-02-10 --format table",
            "vigie extract article.txt --date 2018-04-27 --explain > events.jsonl");
        command.SetAction(parse => Run(new Options(
            parse.GetValue(paths) ?? [],
            parse.GetValue(format) ?? "jsonl",
            new ReaderOptions { Date = parse.GetValue(date), Format = parse.GetValue(inputFormat), MaxDocumentChars = parse.GetValue(maxSize) },
            parse.GetValue(threads) ?? Environment.ProcessorCount,
            parse.GetValue(explain)), CommandOutput.Of(parse)));
        return command;
    }

    /// <summary>What <c>vigie extract</c> was asked: the inputs and how to read them, the output (jsonl or table),
    /// the extraction threads, and whether to explain each event's subtype on stderr.</summary>
    public sealed record Options(string[] Paths, string Format, ReaderOptions Reader, int Threads, bool Explain = false);

    /// <summary>Documents are read in batches; each batch is extracted (and serialised) on up to
    /// <see cref="Options.Threads"/> threads, then printed in input order with the problems in place.</summary>
    public static int Run(Options options, CommandOutput output)
    {
        var (explain, threads) = (options.Explain, options.Threads);
        // 64 documents a batch (8 per thread beyond 8 threads): what a batch holds until it is printed (the texts read
        // ahead, the records written) then lives through one or two young collections at most; with 256, a third of the
        // young collections went on to the older generation and the pauses were three times as long
        var batchSize = Math.Max(64, 8 * threads);
        var pipeline = PipelineFactory.Create();
        var error = output.Err;
        var table = options.Format == "table" ? NewTable() : null;
        var rejected = 0;
        var batch = new List<ReadItem>(batchSize);
        var records = new DocumentRecord?[batchSize];
        var lines = new string?[batchSize];
        // to the process's standard output, records go as the UTF-8 bytes they are written in (no string, no re-encoding)
        using var raw = table == null && ReferenceEquals(output.Out, Console.Out) ? new BufferedStream(Console.OpenStandardOutput(), 1 << 16) : null;
        var newline = System.Text.Encoding.UTF8.GetBytes(output.Out.NewLine);
        var bytes = new byte[]?[batchSize];
        var explanations = new string?[batchSize];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) };

        var documents = new Document?[batchSize];
        var problems = new InputProblem?[batchSize];

        void Flush()
        {
            // the batch's list lets go of its documents, and each thread of the one it extracts once its record
            // is written: what a document's layers allocate dies young instead of being kept (and copied by
            // the collector) until the whole batch is printed
            var count = batch.Count;
            for (var i = 0; i < count; i++) (documents[i], problems[i]) = (batch[i].Document, batch[i].Problem);
            batch.Clear();
            Parallel.For(0, count, parallel, i =>
            {
                if (documents[i] is not { } doc) return;
                documents[i] = null;
                pipeline.Run(doc);
                var record = RecordMapper.ToRecord(doc);
                if (raw != null) bytes[i] = RecordWriter.Utf8(record).ToArray();
                else if (table == null) lines[i] = VigieJson.Serialize(record);
                if (raw == null) records[i] = record;
                if (explain) explanations[i] = string.Join('\n', SubtypeDecision.Explain(doc));
            });
            for (var i = 0; i < count; i++)
            {
                if (problems[i] is { } problem)
                {
                    raw?.Flush(); // the problem after the records before it, as on one console
                    error.WriteLine(problem);
                    if (problem.Severity == ProblemSeverity.Error) rejected++;
                }
                problems[i] = null;
                if (records[i] is null && bytes[i] is null) continue;
                if (explanations[i] is { Length: > 0 } why) { raw?.Flush(); error.WriteLine(why); }
                explanations[i] = null;
                if (table != null) AddRows(table, records[i]!);
                else if (raw != null) { raw.Write(bytes[i]); raw.Write(newline); }
                else output.Out.WriteLine(lines[i]);
                records[i] = null;
                lines[i] = null;
                bytes[i] = null;
            }
            raw?.Flush();
        }

        // a batch also ends at 4 M characters of text, so that memory stays bounded and the parts of a
        // split document (and the warning that says so) are printed as they are done
        const long batchChars = 4L * 1024 * 1024;
        long chars = 0;
        foreach (var item in Inputs.Read(options.Paths, options.Reader))
        {
            batch.Add(item);
            chars += item.Document?.Text.Length ?? 0;
            if (batch.Count == batchSize || chars >= batchChars) { Flush(); chars = 0; }
        }
        Flush();
        table?.Write(output);
        return rejected > 0 ? ExitCodes.SomeRejected : ExitCodes.Ok;
    }

    private static TextTable NewTable() => new(
        new TextColumn("document", NoWrap: true), new TextColumn("date", 1, NoWrap: true), new TextColumn("type", 2), new TextColumn("place", 1),
        new TextColumn("actor 1", 3), new TextColumn("actor 2", 4), new TextColumn("killed", 2, Right: true), new TextColumn("modality", 5));

    private static void AddRows(TextTable table, DocumentRecord record)
    {
        foreach (var e in record.Events ?? [])
            table.Add(record.Id, Format.Date(e.Date), Format.Type(e), e.Location?.Name, e.Actor1?.Name, e.Actor2?.Name,
                e.Fatalities?.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Modality.ToString().ToLowerInvariant());
    }
}
