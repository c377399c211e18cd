using System.CommandLine;
using Spectre.Console;

namespace Vigie.Cli.Commands;

/// <summary><c>vigie docs</c>: the stored documents, optionally those matching a full-text query.</summary>
public static class DocsCommand
{
    public static Command Create()
    {
        var search = new Option<string?>("--search") { Description = "Only documents matching this full-text query (SQLite: FTS5 syntax; PostgreSQL: web search syntax, with each language's stemming)", HelpName = "QUERY" };
        var limit = new Option<int>("--limit") { Description = "At most this many documents", HelpName = "N", DefaultValueFactory = _ => 1000 };
        var command = new Command("docs", "List the stored documents: id, date, language, outlet, events found, where each came from") { search, limit };
        CliHelp.SetExamples(command, "vigie docs", "vigie docs --search \"Alep OR Aleppo\"");
        command.SetAction(parse =>
        {
            using var store = StoreAccess.Open(parse, mustExist: true);
            IReadOnlyList<Storage.DocumentRow> rows;
            try { rows = store.Documents(parse.GetValue(search), parse.GetValue(limit)); }
            catch (FormatException e) when (parse.GetValue(search) != null)
            {
                throw new UsageException($"--search: {e.Message}");
            }
            var table = new TextTable(new TextColumn("id", NoWrap: true), new TextColumn("date", 1, NoWrap: true), new TextColumn("lang", 4),
                new TextColumn("outlet", 3), new TextColumn("events", 2, Right: true), new TextColumn("title", 1), new TextColumn("from", 5));
            foreach (var r in rows)
                table.Add(r.Id, r.Date, r.Lang, r.Source, r.Events.ToString(System.Globalization.CultureInfo.InvariantCulture), Shorten(r.Title ?? "", 50), r.Origin);
            table.Write(parse);
            parse.Out().WriteLine($"{rows.Count} documents");
            return ExitCodes.Ok;
        });
        return command;
    }

    internal static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
