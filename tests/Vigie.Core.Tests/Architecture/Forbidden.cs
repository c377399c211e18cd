namespace Vigie.Tests.Architecture.Forbidden
{
    /// <summary>Breaks a layer rule on purpose (a component calling the scorer), so the architecture test shows it is caught.</summary>
    internal static class UsesTheScorer
    {
        public static object Compare(string a, string b) => Vigie.Scoring.NameComparer.Default.SameName(a, b);
    }
}

// A made-up model layer that reaches up into a made-up pipeline, and two namespaces that use each other:
// LayerTests runs its rules over them to show that each rule reports what breaks it.
namespace Vigie.Tests.Architecture.Forbidden.Model
{
    internal sealed class Page
    {
        public Pipeline.Step? MadeBy { get; init; }
    }
}

namespace Vigie.Tests.Architecture.Forbidden.Pipeline
{
    internal sealed class Step
    {
        public string Name { get; init; } = "";
    }
}

namespace Vigie.Tests.Architecture.Forbidden.Upstream
{
    internal static class Asks
    {
        public static int Twice(int x) => Downstream.Answers.Double(x) + 0;
        public static int One => 1;
    }
}

namespace Vigie.Tests.Architecture.Forbidden.Downstream
{
    internal static class Answers
    {
        public static int Double(int x) => x * 2 * Upstream.Asks.One;
    }
}
