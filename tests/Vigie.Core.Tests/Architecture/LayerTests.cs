using NetArchTest.Rules;
using Vigie.Model;

namespace Vigie.Tests.Architecture;

/// <summary>
/// The layer rules of docs/ARCHITECTURE.md that hold, checked on the compiled Vigie.Core assembly (NetArchTest
/// reads the types' references). A rule fails with the types that break it. The last test shows that a forbidden
/// dependency is caught: a type of this test assembly that calls the scorer breaks the same rule.
/// </summary>
public class LayerTests
{
    private static readonly System.Reflection.Assembly Core = typeof(Document).Assembly;

    private static void AssertHolds(TestResult result, string rule) =>
        Assert.True(result.IsSuccessful, $"{rule}: {string.Join(", ", result.FailingTypeNames ?? [])}");

    [Fact]
    public void Core_DependsOnNoStoreNoCommandLineNoWeb()
    {
        AssertHolds(Types.InAssembly(Core).ShouldNot()
            .HaveDependencyOnAny("Vigie.Cli", "Vigie.Web", "Vigie.Storage.Sqlite", "Microsoft.Data.Sqlite", "Vigie.Storage.Postgres", "Npgsql", "Microsoft.AspNetCore", "System.CommandLine", "Spectre.Console")
            .GetResult(), "Vigie.Core knows no store, command line or web");
    }

    [Theory]
    [InlineData("Vigie.Extraction")]
    [InlineData("Vigie.Geo")]
    [InlineData("Vigie.Fusion")]
    [InlineData("Vigie.Time")]
    [InlineData("Vigie.Numbers")]
    [InlineData("Vigie.Text")]
    [InlineData("Vigie.Readers")]
    [InlineData("Vigie.Export")]
    [InlineData("Vigie.Pipeline")]
    [InlineData("Vigie.Model")]
    [InlineData("Vigie.Lexicons")]
    public void Scoring_IsUsedByNoProductionLayer(string layer)
    {
        AssertHolds(Types.InAssembly(Core).That().ResideInNamespace(layer).ShouldNot().HaveDependencyOn("Vigie.Scoring").GetResult(),
            $"{layer} does not use Vigie.Scoring");
    }

    [Fact]
    public void Lexicons_DependOnlyOnText()
    {
        AssertHolds(Types.InAssembly(Core).That().ResideInNamespace("Vigie.Lexicons").ShouldNot()
            .HaveDependencyOnAny("Vigie.Extraction", "Vigie.Geo", "Vigie.Fusion", "Vigie.Time", "Vigie.Numbers", "Vigie.Readers",
                "Vigie.Export", "Vigie.Scoring", "Vigie.Json", "Vigie.Storage", "Vigie.Pipeline")
            .GetResult(), "Vigie.Lexicons reads files and folds words only");
    }

    [Fact]
    public void Readers_DoNotUseTheComponents()
    {
        AssertHolds(Types.InAssembly(Core).That().ResideInNamespace("Vigie.Readers").ShouldNot()
            .HaveDependencyOnAny("Vigie.Extraction.Finders", "Vigie.Extraction.Assembly", "Vigie.Geo", "Vigie.Fusion", "Vigie.Export", "Vigie.Scoring", "Vigie.Storage")
            .GetResult(), "Vigie.Readers make documents and know nothing of the components that read them");
    }

    [Fact]
    public void FusionAndExport_DoNotUseTheFinders()
    {
        AssertHolds(Types.InAssembly(Core).That().ResideInNamespace("Vigie.Fusion").Or().ResideInNamespace("Vigie.Export").ShouldNot()
            .HaveDependencyOnAny("Vigie.Extraction.Finders", "Vigie.Readers", "Vigie.Scoring")
            .GetResult(), "Vigie.Fusion and Vigie.Export work on records, not on the finders or the readers");
    }

    [Fact]
    public void Rule_ForbiddenDependency_IsCaught()
    {
        var result = Types.InAssembly(typeof(LayerTests).Assembly).That().ResideInNamespace(typeof(Forbidden.UsesTheScorer).Namespace!)
            .ShouldNot().HaveDependencyOn("Vigie.Scoring").GetResult();
        Assert.False(result.IsSuccessful);
        Assert.Contains(typeof(Forbidden.UsesTheScorer).FullName, result.FailingTypeNames);
    }
}
