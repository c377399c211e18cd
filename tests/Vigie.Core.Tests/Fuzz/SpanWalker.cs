using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using Vigie.Model;
using Vigie.Pipeline;

namespace Vigie.Tests.Fuzz;

/// <summary>
/// Finds every <see cref="TextSpan"/> a processed document holds — in each annotation layer
/// and in the <see cref="ExtractionResult"/> (events, reports, figures, resolved date) — by
/// walking the objects' public properties, so that new layer types are checked without changes here.
/// </summary>
public static class SpanWalker
{
    private static readonly MethodInfo GetList = typeof(AnnotationLayers).GetMethod(nameof(AnnotationLayers.Get))!;
    private static readonly MethodInfo GetOne = typeof(AnnotationLayers).GetMethod(nameof(AnnotationLayers.GetOne))!;
    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    /// <summary>Every span of the document with a path saying where it was found ("NumberMention[3].Span").</summary>
    public static List<(string Path, TextSpan Span)> Collect(Document doc)
    {
        var found = new List<(string, TextSpan)>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        foreach (var type in doc.Layers.Types.ToList())
            Walk(Layer(doc.Layers, type), type.Name, found, seen, 0);
        return found;
    }

    /// <summary>The spans that do not lie inside the text.</summary>
    public static List<string> Outside(Document doc) =>
        Collect(doc).Where(s => !s.Span.IsValidFor(doc.Text)).Select(s => $"{s.Path} {s.Span} (text length {doc.Text.Length})").ToList();

    private static object? Layer(AnnotationLayers layers, Type type)
    {
        // a list layer is read with Get<T>, a single-valued one (the extraction result) with GetOne<T>
        try { return GetList.MakeGenericMethod(type).Invoke(layers, null); }
        catch (TargetInvocationException e) when (e.InnerException is InvalidCastException)
        {
            return type.IsClass ? GetOne.MakeGenericMethod(type).Invoke(layers, null) : null;
        }
    }

    private static void Walk(object? value, string path, List<(string, TextSpan)> found, HashSet<object> seen, int depth)
    {
        switch (value)
        {
            case null:
                return;
            case TextSpan span:
                found.Add((path, span));
                return;
            case string or Document:
                return;
        }
        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || depth > 12) return;
        if (!type.IsValueType && !seen.Add(value)) return;
        if (value is IDictionary dict)
        {
            foreach (DictionaryEntry e in dict) Walk(e.Value, $"{path}[{e.Key}]", found, seen, depth + 1);
            return;
        }
        if (value is IEnumerable list)
        {
            var i = 0;
            foreach (var item in list) Walk(item, $"{path}[{i++}]", found, seen, depth + 1);
            return;
        }
        if (type.Namespace == null || !type.Namespace.StartsWith("Vigie", StringComparison.Ordinal)) return;
        foreach (var p in Properties.GetOrAdd(type, t => t.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0).ToArray()))
        {
            object? v;
            try { v = p.GetValue(value); }
            catch (TargetInvocationException) { continue; }
            Walk(v, $"{path}.{p.Name}", found, seen, depth + 1);
        }
    }
}
