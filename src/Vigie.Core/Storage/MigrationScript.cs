using System.Globalization;
using System.Reflection;

namespace Vigie.Storage;

/// <summary>One schema migration of a store: its number, its file name and its SQL.</summary>
public sealed record MigrationScript(int Version, string Name, string Sql)
{
    /// <summary>
    /// The migrations embedded in a store's assembly: every resource <c>….Migrations.NNNN_name.sql</c>, in number order
    /// (a file whose name does not start with its number is not a migration).
    /// </summary>
    public static IReadOnlyList<MigrationScript> Embedded(Assembly assembly)
    {
        const string Folder = ".Migrations.";
        var list = new List<MigrationScript>();
        foreach (var res in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".sql", StringComparison.Ordinal) && n.Contains(Folder, StringComparison.Ordinal)))
        {
            var file = res[(res.IndexOf(Folder, StringComparison.Ordinal) + Folder.Length)..];
            var digits = new string(file.TakeWhile(char.IsDigit).ToArray());
            if (digits.Length == 0) continue;
            using var stream = assembly.GetManifestResourceStream(res)!;
            using var reader = new StreamReader(stream);
            list.Add(new MigrationScript(int.Parse(digits, CultureInfo.InvariantCulture), file, reader.ReadToEnd()));
        }
        list.Sort((a, b) => a.Version.CompareTo(b.Version));
        return list;
    }
}
