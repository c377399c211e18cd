namespace Vigie.Lexicons;

/// <summary>
/// A tab-separated data file of the language packs and gazetteer supplement.
/// Lines starting with '#' are the header comment (source, date, licence); the first other line
/// names the columns; blank lines are skipped. Every row keeps its line number for error messages.
/// </summary>
public sealed class Tsv
{
    public required string Path { get; init; }
    public required IReadOnlyList<string> Columns { get; init; }
    public required IReadOnlyList<TsvRow> Rows { get; init; }

    public static Tsv Load(string path)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8);
        return Parse(reader, path);
    }

    public static Tsv Parse(TextReader reader, string path)
    {
        string[]? columns = null;
        var rows = new List<TsvRow>();
        var lineNo = 0;
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            lineNo++;
            if (line.Length == 0 || line.StartsWith('#') || string.IsNullOrWhiteSpace(line)) continue;
            var cells = line.Split('\t');
            if (columns == null) { columns = cells.Select(c => c.Trim()).ToArray(); continue; }
            if (cells.Length > columns.Length)
                throw new FormatException($"{path}:{lineNo}: {cells.Length} cells but {columns.Length} columns ({string.Join(", ", columns)})");
            rows.Add(new TsvRow(columns, cells, lineNo));
        }
        return new Tsv { Path = path, Columns = columns ?? [], Rows = rows };
    }
}

public sealed class TsvRow(string[] columns, string[] cells, int line)
{
    public int Line { get; } = line;

    public string this[string column]
    {
        get
        {
            var i = Array.IndexOf(columns, column);
            if (i < 0) throw new KeyNotFoundException($"no column '{column}'");
            return i < cells.Length ? cells[i].Trim() : "";
        }
    }

    /// <summary>The cell, or null when the column is absent or the cell is empty.</summary>
    public string? Get(string column)
    {
        var i = Array.IndexOf(columns, column);
        if (i < 0 || i >= cells.Length) return null;
        var v = cells[i].Trim();
        return v.Length == 0 ? null : v;
    }
}
