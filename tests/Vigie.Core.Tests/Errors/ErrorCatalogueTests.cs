using System.Reflection;
using System.Text.RegularExpressions;
using Vigie.Errors;
using Vigie.Lexicons;

namespace Vigie.Tests.Errors;

/// <summary>
/// The catalogue is the one list of codes: every code the sources or the docs name is in it, the sources use its
/// entries rather than writing codes, every entry is used, and docs/ERRORS.md is what it generates.
/// </summary>
public partial class ErrorCatalogueTests
{
    [GeneratedRegex(@"VIG-[A-Z][0-9]{3}")]
    private static partial Regex CodePattern();

    private static string Src => Path.Combine(DataPaths.Root, "src");
    private static readonly string CatalogueFile = Path.Combine("Vigie.Core", "Errors", "ErrorCatalogue.cs");

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Src, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs") || f.EndsWith(".sql") || f.EndsWith(".js") || f.EndsWith(".html"))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                        && !f.Contains($"{Path.DirectorySeparatorChar}vendor{Path.DirectorySeparatorChar}"));

    [Fact]
    public void Entries_AreWellFormedAndUnique()
    {
        Assert.True(ErrorCatalogue.All.Count >= 30, $"only {ErrorCatalogue.All.Count} entries");
        Assert.Equal(ErrorCatalogue.All.Count, ErrorCatalogue.All.Select(e => e.Code).Distinct().Count());
        foreach (var e in ErrorCatalogue.All)
        {
            Assert.Matches("^VIG-[DGPQRSW][0-9]{3}$", e.Code);
            Assert.False(string.IsNullOrWhiteSpace(e.Template), e.Code);
            Assert.False(string.IsNullOrWhiteSpace(e.Remedy), e.Code);
            var holes = Regex.Matches(e.Template, @"\{(\d+)\}").Select(m => int.Parse(m.Groups[1].Value)).DefaultIfEmpty(-1).Max() + 1;
            var message = e.Message([.. Enumerable.Range(0, holes).Select(i => (object)$"<{i}>")]);
            Assert.StartsWith(e.Code + ": ", message);
            Assert.DoesNotContain("{", message);
        }
    }

    [Fact]
    public void Of_FindsTheEntryThatOpensAMessage()
    {
        var message = ErrorCatalogue.NoDatabase.Message("/tmp/x.db");
        Assert.Same(ErrorCatalogue.NoDatabase, ErrorCatalogue.Of(message));
        Assert.Equal(ExitCode.Failure, ErrorCatalogue.Of(message)!.Exit);
        Assert.Null(ErrorCatalogue.Of("VIG-Z999: nothing"));
        Assert.Null(ErrorCatalogue.Of("no code here"));
    }

    [Fact]
    public void EveryCodeInTheSources_IsInTheCatalogue_AndWrittenOnlyThereOrInComments()
    {
        var unknown = new List<string>();
        var written = new List<string>();
        var seen = 0;
        foreach (var file in SourceFiles())
        {
            var lines = File.ReadAllLines(file);
            var inCatalogue = file.EndsWith(CatalogueFile, StringComparison.Ordinal);
            for (var i = 0; i < lines.Length; i++)
                foreach (Match m in CodePattern().Matches(lines[i]))
                {
                    seen++;
                    var where = $"{Path.GetRelativePath(Src, file)}:{i + 1}";
                    if (ErrorCatalogue.Find(m.Value) == null) unknown.Add($"{where} {m.Value}");
                    var trimmed = lines[i].TrimStart();
                    if (!inCatalogue && !trimmed.StartsWith("//", StringComparison.Ordinal) && !trimmed.StartsWith("*", StringComparison.Ordinal))
                        written.Add($"{where} {m.Value}");
                }
        }
        Assert.True(seen > ErrorCatalogue.All.Count, "the scan found the catalogue's own codes");
        Assert.True(unknown.Count == 0, "codes missing from the catalogue: " + string.Join("; ", unknown));
        Assert.True(written.Count == 0, "codes written outside the catalogue (use its entry): " + string.Join("; ", written));
    }

    [Fact]
    public void EveryEntry_IsUsedByTheSources()
    {
        var text = string.Join("\n", SourceFiles().Where(f => !f.EndsWith(CatalogueFile, StringComparison.Ordinal)).Select(File.ReadAllText));
        var unused = typeof(ErrorCatalogue).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(ErrorEntry))
            .Where(f => !Regex.IsMatch(text, @"\bErrorCatalogue\." + f.Name + @"\b"))
            .Select(f => f.Name).ToList();
        Assert.True(unused.Count == 0, "entries no site uses: " + string.Join(", ", unused));
    }

    [Fact]
    public void EveryCodeTheDocsName_IsInTheCatalogue()
    {
        var files = Directory.EnumerateFiles(Path.Combine(DataPaths.Root, "docs"), "*.md").Append(Path.Combine(DataPaths.Root, "README.md"));
        var unknown = files.SelectMany(f => CodePattern().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), m.Value)))
            .Where(x => ErrorCatalogue.Find(x.Value) == null).Select(x => $"{x.File}: {x.Value}").Distinct().ToList();
        Assert.True(unknown.Count == 0, "codes the docs name that the catalogue does not have: " + string.Join("; ", unknown));
    }

    [Fact]
    public void ErrorsMd_IsTheGeneratedCatalogue()
    {
        var path = Path.Combine(DataPaths.Root, "docs", "ERRORS.md");
        Assert.True(File.Exists(path), "docs/ERRORS.md is missing: run `./vigie help-doc --errors > docs/ERRORS.md`");
        var generated = ErrorsDocument.Render();
        foreach (var e in ErrorCatalogue.All) Assert.Contains($"| `{e.Code}` |", generated);
        Assert.True(File.ReadAllText(path) == generated, "docs/ERRORS.md is out of date: run `./vigie help-doc --errors > docs/ERRORS.md`");
    }
}
