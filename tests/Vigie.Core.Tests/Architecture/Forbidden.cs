namespace Vigie.Tests.Architecture.Forbidden;

/// <summary>Breaks a layer rule on purpose (a component calling the scorer), so the architecture test shows it is caught.</summary>
internal static class UsesTheScorer
{
    public static object Compare(string a, string b) => Vigie.Scoring.NameComparer.Default.SameName(a, b);
}
