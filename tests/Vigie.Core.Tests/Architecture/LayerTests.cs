using NetArchTest.Rules;
using Vigie.Model;

namespace Vigie.Tests.Architecture;

/// <summary>
/// The layer rules of docs/ARCHITECTURE.md, checked on the compiled Vigie.Core assembly (NetArchTest reads the
/// types' references). A rule fails with the types or the namespace edges that break it. The tests named
/// <c>Rule_…_IsCaught</c> run the same rules over made-up namespaces of this test assembly
/// (<c>Architecture/Forbidden.cs</c>) that break them on purpose, and show that the breach is reported.
/// </summary>
public class LayerTests
{
    private static readonly System.Reflection.Assembly Core = typeof(Document).Assembly;
    private static readonly Lazy<NamespaceGraph> CoreGraph = new(() => NamespaceGraph.Of(Core, "Vigie"));

    /// <summary>The layers of Vigie.Core from the bottom: a namespace may use its own layer and those below, never one above.</summary>
    private static readonly string[][] CoreLayers =
    [
        ["Vigie.Model", "Vigie.Errors"],
        ["Vigie.Text"],
        ["Vigie.Lexicons", "Vigie.Pipeline", "Vigie.Json"],
        ["Vigie.Readers", "Vigie.Text.Analysis", "Vigie.Numbers", "Vigie.Time", "Vigie.Extraction.Finders", "Vigie.Geo", "Vigie.Extraction.Assembly"],
        ["Vigie.Composition"],
        ["Vigie.Fusion", "Vigie.Export", "Vigie.Storage", "Vigie.Audit", "Vigie.Watch"],
        ["Vigie.Scoring"],
    ];

    private const string Fake = "Vigie.Tests.Architecture.Forbidden";

    /// <summary>Types of <paramref name="ns"/> itself (not of the namespaces under it) that use another namespace of the graph.</summary>
    private static TestResult UsesNothingElse(System.Reflection.Assembly assembly, NamespaceGraph graph, string ns) =>
        Types.InAssembly(assembly).That().ResideInNamespaceMatching("^" + System.Text.RegularExpressions.Regex.Escape(ns) + "$")
            .ShouldNot().HaveDependencyOnAny([.. graph.Namespaces.Where(n => n != ns && !n.StartsWith(ns + ".", StringComparison.Ordinal))])
            .GetResult();

    /// <summary>The edges that go up the layers, and the namespaces no layer names.</summary>
    private static List<string> Breaches(NamespaceGraph graph, string[][] layers)
    {
        var level = layers.SelectMany((names, i) => names.Select(n => (n, i))).ToDictionary(x => x.n, x => x.i);
        var breaches = new List<string>();
        foreach (var from in graph.Namespaces)
        {
            if (!level.TryGetValue(from, out var lf)) { breaches.Add($"{from} is in no layer"); continue; }
            foreach (var to in graph.DependenciesOf(from))
                if (level.TryGetValue(to, out var lt) && lt > lf) breaches.Add($"{from} (layer {lf}) uses {to} (layer {lt})");
        }
        return breaches;
    }

    [Fact]
    public void Model_DependsOnNothing()
    {
        AssertHolds(UsesNothingElse(Core, CoreGraph.Value, "Vigie.Model"), "Vigie.Model uses no other namespace of Vigie.Core");
        Assert.Empty(CoreGraph.Value.DependenciesOf("Vigie.Model"));
    }

    [Fact]
    public void Namespaces_UseOnlyTheirLayerAndThoseBelow()
    {
        var breaches = Breaches(CoreGraph.Value, CoreLayers);
        Assert.True(breaches.Count == 0, string.Join("\n", breaches) + "\n\ngraph:\n" + CoreGraph.Value);
    }

    [Fact]
    public void Namespaces_HaveNoCycles()
    {
        var cycles = CoreGraph.Value.Cycles();
        Assert.True(cycles.Count == 0, "namespaces that use each other: " + string.Join("; ", cycles.Select(c => string.Join(" -> ", c))));
        // the graph is read from the assembly, not empty: the composition root uses the components
        Assert.Contains("Vigie.Extraction.Assembly", CoreGraph.Value.DependenciesOf("Vigie.Composition"));
    }

    [Fact]
    public void Rule_ModelUsingAnotherLayer_IsCaught()
    {
        var graph = NamespaceGraph.Of(typeof(LayerTests).Assembly, Fake);
        var result = UsesNothingElse(typeof(LayerTests).Assembly, graph, Fake + ".Model");
        Assert.False(result.IsSuccessful);
        Assert.Contains(typeof(Forbidden.Model.Page).FullName, result.FailingTypeNames);
    }

    [Fact]
    public void Rule_DependencyUpTheLayers_IsCaught()
    {
        var graph = NamespaceGraph.Of(typeof(LayerTests).Assembly, Fake);
        string[][] layers = [[Fake + ".Model"], [Fake + ".Pipeline", Fake, Fake + ".Upstream", Fake + ".Downstream"]];
        var breaches = Breaches(graph, layers);
        Assert.Equal([$"{Fake}.Model (layer 0) uses {Fake}.Pipeline (layer 1)"], breaches);
    }

    [Fact]
    public void Rule_NamespaceCycle_IsCaught()
    {
        var cycles = NamespaceGraph.Of(typeof(LayerTests).Assembly, Fake).Cycles();
        var cycle = Assert.Single(cycles);
        Assert.Equal([Fake + ".Downstream", Fake + ".Upstream", Fake + ".Downstream"], cycle);
    }

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
    [InlineData("Vigie.Composition")]
    [InlineData("Vigie.Audit")]
    [InlineData("Vigie.Storage")]
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
