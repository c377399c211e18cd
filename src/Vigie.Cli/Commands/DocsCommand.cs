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
        var command = new Command("docs", "List the stored documents: id, date, the publication day inferred from the text, language, outlet, events found, where each came from") { search, limit };
        CliHelp.SetExamples(command, "vigie docs", "vigie docs --search \"Alep OR Aleppo\"");
        command.SetAction(parse =>
        {
            var options = new Options(GlobalOptions.Db(parse), parse.GetValue(search), parse.GetValue(limit));
            using var store = StoreAccess.Open(options.Db, mustExist: true);
            return Run(store, options, CommandOutput.Of(parse));
        });
        return command;
    }

    /// <summary>What <c>vigie docs</c> was asked: the database, a full-text query (null: every document) and the most to list.</summary>
    public sealed record Options(string Db, string? Search, int Limit);

    /// <summary>Lists the documents; the "day" column is the publication day inferred from a text whose input gave only the month or year.</summary>
    public static int Run(Storage.IStoreReader store, Options options, CommandOutput output)
    {
        IReadOnlyList<Storage.DocumentRow> rows;
        try { rows = store.Documents(options.Search, options.Limit); }
        catch (FormatException e) when (options.Search != null)
        {
            throw new UsageException($"--search: {e.Message}");
        }
        var table = new TextTable(new TextColumn("id", NoWrap: true), new TextColumn("date", 1, NoWrap: true), new TextColumn("day", 2, NoWrap: true), new TextColumn("lang", 4),
            new TextColumn("outlet", 3), new TextColumn("events", 2, Right: true), new TextColumn("title", 1), new TextColumn("from", 5));
        foreach (var r in rows)
            table.Add(r.Id, r.Date, r.DateResolved, r.Lang, r.Source, r.Events.ToString(System.Globalization.CultureInfo.InvariantCulture), Shorten(r.Title ?? "", 50), r.Origin);
        table.Write(output);
        output.Out.WriteLine($"{rows.Count} documents");
        return ExitCodes.Ok;
    }

    internal static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
