using Vigie.Composition;
using Vigie.Model;

namespace Vigie.Tests.Assembly;

/// <summary>The whole pipeline (finders, gazetteer, assembly), built once, run on a short text written for a test.</summary>
internal static class PipelineRun
{
    private static readonly Vigie.Pipeline.Pipeline Pipeline = PipelineFactory.Create();

    /// <summary>The extraction of <paramref name="text"/> read in <paramref name="lang"/> as published on <paramref name="published"/>.</summary>
    public static ExtractionResult Of(string text, string lang, string published)
    {
        var doc = new Document("t", text) { Language = lang, Published = PartialDate.Parse(published) };
        Pipeline.Run(doc);
        return ExtractionResult.For(doc);
    }
}
