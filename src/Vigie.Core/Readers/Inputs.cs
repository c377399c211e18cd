using Vigie.Extraction;
using Vigie.Json;
using Vigie.Model;

namespace Vigie.Readers;

/// <summary>Walks the paths given on the command line ("-" is stdin, directories are walked) and reads each file with the reader for its format.</summary>
public static class Inputs
{
    public static IEnumerable<ReadItem> Read(IEnumerable<string> paths, ReaderOptions options)
    {
        foreach (var path in paths)
        {
            if (!File.Exists(path)) { yield return ReadItem.Reject(new Origin(path, 0), "no such file"); continue; }
            var lineNo = 0;
            foreach (var line in File.ReadLines(path))
            {
                lineNo++;
                if (string.IsNullOrWhiteSpace(line)) continue;
                DocumentRecord? r = null;
                string? error = null;
                try { r = VigieJson.Deserialize(line); }
                catch (System.Text.Json.JsonException e) { error = e.Message; }
                if (r == null) { yield return ReadItem.Reject(new Origin(path, lineNo), error ?? "not a JSON object"); continue; }
                yield return ReadItem.Ok(RecordMapper.FromRecord(r, new Origin(path, lineNo)));
            }
        }
    }
}
