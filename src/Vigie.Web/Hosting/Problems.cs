using Microsoft.AspNetCore.Mvc;

namespace Vigie.Web.Hosting;

/// <summary>RFC 9457 problem responses: a title and a detail a person can act on, never a stack trace.</summary>
public static class Problems
{
    public static Task Write(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Instance = context.Request.Path };
        return context.Response.WriteAsJsonAsync(problem, options: null, contentType: "application/problem+json");
    }
}
