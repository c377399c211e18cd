using SharpFuzz;
using Vigie.Composition;
using Vigie.Pipeline;
using Vigie.Readers;

namespace Vigie.Fuzz;

/// <summary>
/// AFL harness (SharpFuzz): reads one input as the format named by the first argument
/// (seed, txt, jsonl, json, csv, html, feed) and runs every document through the full pipeline.
/// Bad input must come back as problems; any exception that escapes is a crash for AFL.
/// Run with fuzz/run, which instruments Vigie.Core and starts afl-fuzz.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        var format = args.Length > 0 ? args[0] : "jsonl";
        // instrumented code may only run inside Run (the coverage map exists from there on)
        Fuzzer.OutOfProcess.Run(stream =>
        {
            var options = new ReaderOptions { Format = format };
            var pipeline = PipelineFactory.Create();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            foreach (var item in Inputs.ReadStream($"input.{format}", copy, options))
                if (item.Document is { } doc) pipeline.Run(doc);
        });
    }
}
