using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Vigie.Audit;
using Vigie.Composition;
using Vigie.Pipeline;
using Vigie.Readers;

namespace Vigie.Cli.Commands;

/// <summary><c>vigie audit PATH...</c>: runs the extraction and lists, sentence by sentence, where the cues and the extraction disagree.</summary>
public static class AuditCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Input files or folders ('-' reads stdin), read as by 'vigie extract'",
            Arity = ArgumentArity.OneOrMore,
        };
        CliOptions.RejectOptionLikeValues(paths);
        var cls = new Option<string?>("--class")
        {
            Description = "List only this class: " + string.Join(", ", Auditor.Classes),
            HelpName = "CLASS",
        };
        cls.AcceptOnlyFromAmong([.. Auditor.Classes]);
        var sample = new Option<int?>("--sample")
        {
            Description = "List a random sample of N lines per class (the counts stay those of the whole input)",
            HelpName = "N",
        };
        sample.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 1) r.AddError("--sample must be at least 1");
        });
        var seed = new Option<int>("--seed")
        {
            Description = "Seed of the --sample draw (the same seed and input give the same sample)",
            HelpName = "N",
            DefaultValueFactory = _ => 1,
        };
        var json = new Option<bool>("--json") { Description = "Print the counts and the listed lines as one JSON object" };
        var date = CliOptions.Date("--date", "Publication date for inputs that carry none");
        var inputFormat = new Option<string?>("--input-format")
        {
            Description = "Read every input as this format (seed, txt, jsonl, json, csv, html, feed) instead of guessing from the name",
            HelpName = "FORMAT",
        };
        var command = new Command("audit",
            "Run the extraction and list, sentence by sentence, casualty cues with a number but no figure, event cues with no event "
            + "(and the gate that dropped them), events with no event cue, and figures of group 'all' in sentences that name the victims")
        {
            paths, cls, sample, seed, json, date, inputFormat,
        };
        CliHelp.SetExamples(command,
            "vigie audit corpus.jsonl",
            "vigie audit corpus.jsonl --class event-cue-without-event --sample 100",
            "vigie audit articles/ --json > audit.json");
        command.SetAction(parse => Run(new Options(
            parse.GetValue(paths) ?? [],
            new ReaderOptions { Date = parse.GetValue(date), Format = parse.GetValue(inputFormat) },
            new Settings(parse.GetValue(cls), parse.GetValue(sample), parse.GetValue(seed), parse.GetValue(json))), CommandOutput.Of(parse)));
        return command;
    }

    /// <summary>What is listed: one class or all, a sample of N lines per class drawn with a seed, as text or JSON.</summary>
    public sealed record Settings(string? Class, int? Sample, int Seed, bool Json);

    /// <summary>What <c>vigie audit</c> was asked: the inputs, how to read them, and what to list.</summary>
    public sealed record Options(string[] Paths, ReaderOptions Reader, Settings Settings);

    public static int Run(Options options, CommandOutput output)
    {
        var o = options.Settings;
        const int batchSize = 256;
        var pipeline = PipelineFactory.Create();
        var error = output.Err;
        var rejected = 0;
        var audits = new List<DocumentAudit>();
        var batch = new List<ReadItem>(batchSize);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount };

        void Flush()
        {
            var done = new DocumentAudit?[batch.Count];
            Parallel.For(0, batch.Count, parallel, i =>
            {
                if (batch[i].Document is not { } doc) return;
                Auditor.Prepare(doc);
                pipeline.Run(doc);
                done[i] = Auditor.Audit(doc);
            });
            for (var i = 0; i < batch.Count; i++)
            {
                if (batch[i].Problem is { } problem)
                {
                    error.WriteLine(problem);
                    if (problem.Severity == ProblemSeverity.Error) rejected++;
                }
                if (done[i] is { } a) audits.Add(a);
            }
            batch.Clear();
        }

        foreach (var item in Inputs.Read(options.Paths, options.Reader))
        {
            batch.Add(item);
            if (batch.Count == batchSize) Flush();
        }
        Flush();
        Write(output.Out, audits, o);
        return rejected > 0 ? ExitCodes.SomeRejected : ExitCodes.Ok;
    }

    /// <summary>Prints the audit: per class its count and lines (or a sample of them), then a summary line; or one JSON object.</summary>
    public static void Write(TextWriter output, IReadOnlyList<DocumentAudit> audits, Settings o)
    {
        var classes = o.Class != null ? [o.Class] : Auditor.Classes;
        var documents = audits.Count;
        var sentences = audits.Sum(a => a.Sentences);
        var all = audits.SelectMany(a => a.Findings).ToList();
        var rows = classes.Select(c =>
        {
            var found = all.Where(f => f.Class == c).ToList();
            var listed = o.Sample is { } n ? Sample(found, n, o.Seed) : found;
            return (Class: c, Count: found.Count, Checked: audits.Sum(a => a.Checked[c]), Listed: listed);
        }).ToList();

        if (o.Json)
        {
            using var stream = new MemoryStream();
            using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                w.WriteStartObject();
                w.WriteNumber("documents", documents);
                w.WriteNumber("sentences", sentences);
                if (o.Sample is { } n) { w.WriteNumber("sample", n); w.WriteNumber("seed", o.Seed); }
                w.WriteStartObject("classes");
                foreach (var r in rows)
                {
                    w.WriteStartObject(r.Class);
                    w.WriteNumber("count", r.Count);
                    w.WriteNumber("checked", r.Checked);
                    w.WriteString("checked_what", Auditor.CheckedNoun(r.Class));
                    w.WriteStartArray("lines");
                    foreach (var f in r.Listed)
                    {
                        w.WriteStartObject();
                        w.WriteString("doc", f.DocId);
                        w.WriteString("detail", f.Detail);
                        w.WriteStartArray("span");
                        w.WriteNumberValue(f.Sentence.Start);
                        w.WriteNumberValue(f.Sentence.End);
                        w.WriteEndArray();
                        w.WriteString("sentence", f.Text);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                    w.WriteEndObject();
                }
                w.WriteEndObject();
                w.WriteEndObject();
            }
            output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
            return;
        }

        foreach (var r in rows)
        {
            var shown = o.Sample != null && r.Listed.Count < r.Count ? $"; a sample of {r.Listed.Count} (seed {o.Seed})" : "";
            output.WriteLine($"{r.Class}: {N(r.Count)} of {N(r.Checked)} {Auditor.CheckedNoun(r.Class)}{shown}");
            foreach (var f in r.Listed)
                output.WriteLine($"{f.DocId}\t{f.Class}\t{Auditor.OneLine(f.Detail)}\t{f.Text}");
            output.WriteLine();
        }
        output.WriteLine($"audit: {N(documents)} documents, {N(sentences)} sentences; "
                         + string.Join(", ", rows.Select(r => $"{r.Class} {N(r.Count)} of {N(r.Checked)}")));
    }

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>A seeded draw of <paramref name="n"/> findings, listed in input order.</summary>
    private static List<AuditFinding> Sample(List<AuditFinding> found, int n, int seed)
    {
        if (found.Count <= n) return found;
        var random = new Random(seed);
        var index = Enumerable.Range(0, found.Count).ToArray();
        random.Shuffle(index);
        return index.Take(n).Order().Select(i => found[i]).ToList();
    }
}
