using Vigie.Lexicons;

namespace Vigie.Tests;

/// <summary>Reads the example corpora of tests/corpus/&lt;lang&gt;/*.tsv (header comments, a header row, one example a row).</summary>
public static class CorpusFile
{
    public static string PathOf(string lang, string file)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "corpus", lang, file);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"tests/corpus/{lang}/{file} not found above the test directory");
    }

    public static Tsv Load(string lang, string file) => Tsv.Load(PathOf(lang, file));

    /// <summary>Theory rows: language, line number (to name the case), and the row's cells.</summary>
    public static TheoryData<string, int> Rows(string file, params string[] langs)
    {
        var data = new TheoryData<string, int>();
        foreach (var lang in langs)
            foreach (var row in Load(lang, file).Rows) data.Add(lang, row.Line);
        return data;
    }

    public static TsvRow Row(string lang, string file, int line) => Load(lang, file).Rows.Single(r => r.Line == line);
}
