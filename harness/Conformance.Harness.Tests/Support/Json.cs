using Microsoft.AspNetCore.Http;

namespace Conformance.Harness.Tests.Support;

/// <summary>Writes JSON answers from scripted servers.</summary>
public static class Json
{
    public static Task WriteAsync(HttpContext context, int status, string json)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(json);
    }
}
