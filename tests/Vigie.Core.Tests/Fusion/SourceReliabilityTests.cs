using Vigie.Fusion;
using Vigie.Model;

namespace Vigie.Tests.Fusion;

public class SourceReliabilityTests
{
    [Theory]
    [InlineData("OSDH", 5)]
    [InlineData("l'OSDH", 5)]
    [InlineData("Observatoire syrien des droits de l'Homme", 5)]
    [InlineData("the Syrian Observatory for Human Rights", 5)]
    [InlineData("ONU", 5)]
    [InlineData("l'ONU", 5)]
    [InlineData("the UN", 5)]
    [InlineData("AFP", 4)]
    [InlineData("Casques blancs", 3)]
    [InlineData("SANA", 1)]
    [InlineData("ministère russe de la Défense", 1)]
    [InlineData("Amaq", 1)]
    [InlineData("un habitant", SourceReliability.Unknown)]
    [InlineData("a local resident", SourceReliability.Unknown)]
    [InlineData("", SourceReliability.Unknown)]
    [InlineData(null, SourceReliability.Unknown)]
    public void Score_KnownAndUnknownSources_FollowTheTable(string? source, int expected) =>
        Assert.Equal(expected, SourceReliability.Default.Score(source));

    [Fact]
    public void ReportKey_SameFigureSameSourceDifferentSpelling_SameKey()
    {
        CasualtyReport R(string source, long count) => new()
        {
            Source = source,
            Scope = ReportScope.Period,
            Figures = [new Figure { Outcome = Outcome.Killed, Group = VictimGroup.Civilians, Count = count }],
        };
        Assert.Equal(ReportKey.Of(R("OSDH", 19)), ReportKey.Of(R("  osdh ", 19)));
        Assert.NotEqual(ReportKey.Of(R("OSDH", 19)), ReportKey.Of(R("OSDH", 20)));
        Assert.NotEqual(ReportKey.Of(R("OSDH", 19)), ReportKey.Of(R("SANA", 19)));
    }
}
