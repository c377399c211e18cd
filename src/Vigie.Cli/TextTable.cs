using System.CommandLine;
using Spectre.Console;

namespace Vigie.Cli;

/// <summary>A column of a <see cref="TextTable"/>: its header, how much it matters (0 first; the highest numbers are
/// dropped first when the terminal is narrow), whether it may wrap, and whether numbers align right.</summary>
public sealed record TextColumn(string Header, int Priority = 0, bool NoWrap = false, bool Right = false);

/// <summary>
/// The tables of the command line. On an interactive terminal: a Spectre.Console table that fits the
/// terminal's width — the least important columns are left out (and named under the table) until it fits,
/// and columns marked <see cref="TextColumn.NoWrap"/> (event and document ids) never break, so an id can be
/// copied into <c>vigie show</c>; <c>--wide</c> keeps every column at full width. Piped or redirected: plain
/// tab-separated values with a header line, one row a line, for scripts.
/// </summary>
public sealed class TextTable(params TextColumn[] columns)
{
    /// <summary>The global <c>--wide</c> option.</summary>
    public const string WideName = "--wide";

    public static Option<bool> CreateWide() => new(WideName)
    {
        Description = "Tables keep every column at full width, even wider than the terminal",
        Recursive = true,
    };

    private readonly List<string[]> _rows = [];

    public IReadOnlyList<TextColumn> Columns => columns;
    public IReadOnlyList<string[]> Rows => _rows;
    public string? Title { get; init; }

    public TextTable Add(params string?[] cells)
    {
        if (cells.Length != columns.Length) throw new ArgumentException($"{cells.Length} cells for {columns.Length} columns");
        _rows.Add([.. cells.Select(c => c ?? "")]);
        return this;
    }

    /// <summary>On a terminal, a table fitted to its width (every column with --wide); else tab-separated values.</summary>
    public void Write(CommandOutput output)
    {
        if (!output.Interactive) { WriteTsv(output.Out); return; }
        var console = output.Console();
        var wide = output.Wide;
        var keep = Fit(wide ? int.MaxValue : console.Profile.Width);
        if (wide) console.Profile.Width = Math.Max(console.Profile.Width, Need(keep));
        console.Write(ToSpectre(keep));
        var dropped = Enumerable.Range(0, columns.Length).Except(keep).Select(i => columns[i].Header).ToList();
        if (dropped.Count > 0) console.MarkupLine($"[dim]not shown for the terminal's width: {Markup.Escape(string.Join(", ", dropped))} (--wide shows every column)[/]");
    }

    /// <summary>Tab-separated values: tabs and line breaks inside a cell become spaces.</summary>
    public void WriteTsv(TextWriter w)
    {
        w.WriteLine(string.Join('\t', columns.Select(c => c.Header)));
        foreach (var r in _rows) w.WriteLine(string.Join('\t', r.Select(Clean)));
    }

    private static string Clean(string s) => s.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');

    /// <summary>The columns kept for a width: the least important ones (the last of equal importance first) go until the rest fits.</summary>
    public List<int> Fit(int width)
    {
        var keep = Enumerable.Range(0, columns.Length).ToList();
        while (keep.Count > 1 && Need(keep) > width)
        {
            var drop = keep.Where(i => columns[i].Priority > 0).OrderByDescending(i => columns[i].Priority).ThenByDescending(i => i).FirstOrDefault(-1);
            if (drop < 0) break;
            keep.Remove(drop);
        }
        return keep;
    }

    /// <summary>The width the kept columns take: each column's longest cell plus the simple border's padding.</summary>
    private int Need(IEnumerable<int> keep) =>
        keep.Sum(i => Math.Max(columns[i].Header.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length)) + 3);

    private Table ToSpectre(List<int> keep)
    {
        var t = new Table().Border(TableBorder.Simple);
        if (Title != null) t.Title(Markup.Escape(Title));
        foreach (var i in keep)
        {
            var c = new TableColumn(Markup.Escape(columns[i].Header));
            if (columns[i].NoWrap) c.NoWrap();
            if (columns[i].Right) c.RightAligned();
            t.AddColumn(c);
        }
        foreach (var r in _rows) t.AddRow(keep.Select(i => Markup.Escape(r[i])).ToArray());
        return t;
    }
}
