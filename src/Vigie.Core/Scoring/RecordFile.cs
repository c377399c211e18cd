using System.Text.Json;
using Vigie.Json;
using Vigie.Model;

namespace Vigie.Scoring;

/// <summary>Reads a JSONL file of document records (gold or system output) for scoring; bad lines are reported with file and line and skipped.</summary>
public static class RecordFile
{
    public static List<DocumentRecord> Read(string path, ICollection<string> problems)
    {
        var records = new List<DocumentRecord>();
        var lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                var r = VigieJson.Deserialize(line);
                if (r == null || string.IsNullOrEmpty(r.Id)) { problems.Add($"{path}:{lineNo}: a document needs an \"id\"; line skipped"); continue; }
                records.Add(r);
            }
            catch (JsonException e)
            {
                problems.Add($"{path}:{lineNo}: not a valid document record ({e.Message}); line skipped");
            }
        }
        return records;
    }

    /// <summary>Runs a pipeline over the gold documents' texts (their id, language and date only) and returns the system's records.</summary>
    public static List<DocumentRecord> Extract(IEnumerable<DocumentRecord> gold, Pipeline.Pipeline pipeline, string goldPath)
    {
        var list = gold.ToList();
        var output = new DocumentRecord[list.Count];
        Parallel.For(0, list.Count, i =>
        {
            var doc = RecordMapper.FromRecord(list[i], new Origin(goldPath, 0));
            pipeline.Run(doc);
            output[i] = RecordMapper.ToRecord(doc);
        });
        return [.. output];
    }
}
