package io.pactum.http;

import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * One (method, path) the API serves, with path parameters written as in OpenAPI ({@code {id}}), so
 * that the routes registered on a router can be compared with the OpenAPI document.
 */
public record Endpoint(String method, String path) implements Comparable<Endpoint> {
    public Endpoint {
        method = method.toLowerCase(Locale.ROOT);
    }

    /** The endpoints of a router: its routes that name both a path and methods (not middleware). */
    public static Set<Endpoint> of(Router router) {
        Set<Endpoint> endpoints = new TreeSet<>();
        for (Route route : router.getRoutes()) {
            if (route.getPath() == null || route.methods() == null) {
                continue;
            }
            String path = route.getPath().replaceAll(":([A-Za-z0-9_]+)", "{$1}");
            route.methods().forEach(m -> endpoints.add(new Endpoint(m.name(), path)));
        }
        return endpoints;
    }

    @Override
    public int compareTo(Endpoint other) {
        int byPath = path.compareTo(other.path);
        return byPath != 0 ? byPath : method.compareTo(other.method);
    }

    @Override
    public String toString() {
        return method.toUpperCase(Locale.ROOT) + " " + path;
    }
}
