package io.silo.bench;

/**
 * A GitHub {@code push} webhook body as GitHub sends it (the fields of a real delivery, shortened URLs aside): three
 * commits to {@code main} of {@code acme/checkout}, with the repository, pusher, sender and installation objects.
 */
final class GithubPush {

    private GithubPush() {
    }

    static String body(long installationId) {
        StringBuilder commits = new StringBuilder();
        String[][] changes = {
                {"4f3c2a9d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39", "Fix NullPointerException in CartService.total when the cart is empty",
                        "\"src/main/java/com/acme/cart/CartService.java\"", "\"src/test/java/com/acme/cart/CartServiceTest.java\""},
                {"9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b", "Retry the payment gateway call once on a connect timeout\n\nFixes SILO-1432",
                        "\"src/main/java/com/acme/payment/GatewayClient.java\",\"src/main/resources/application.properties\"", ""},
                {"1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c", "Bump jackson-databind to 2.17.2",
                        "\"pom.xml\"", "\"CHANGELOG.md\""}};
        for (int i = 0; i < changes.length; i++) {
            String[] change = changes[i];
            commits.append(i == 0 ? "" : ",").append(commit(change[0], change[1], change[2], change[3]));
        }
        String head = commit(changes[2][0], changes[2][1], changes[2][2], changes[2][3]);
        return """
                {"ref":"refs/heads/main","before":"0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e","after":"%s",\
                "repository":{"id":734219876,"node_id":"R_kgDOK8xZ5A","name":"checkout","full_name":"acme/checkout",\
                "private":true,"owner":{"name":"acme","email":null,"login":"acme","id":98123456,"node_id":"O_kgDOBdlGwA",\
                "avatar_url":"https://avatars.githubusercontent.com/u/98123456?v=4","url":"https://api.github.com/users/acme",\
                "html_url":"https://github.com/acme","type":"Organization","site_admin":false},\
                "html_url":"https://github.com/acme/checkout","description":"Checkout service","fork":false,\
                "url":"https://github.com/acme/checkout","created_at":1703001234,"updated_at":"2026-11-20T09:12:44Z",\
                "pushed_at":1795430400,"git_url":"git://github.com/acme/checkout.git","ssh_url":"git@github.com:acme/checkout.git",\
                "clone_url":"https://github.com/acme/checkout.git","homepage":null,"size":18234,"stargazers_count":3,\
                "watchers_count":3,"language":"Java","has_issues":true,"has_projects":false,"has_downloads":true,\
                "has_wiki":false,"has_pages":false,"forks_count":0,"archived":false,"disabled":false,"open_issues_count":12,\
                "license":null,"allow_forking":false,"is_template":false,"topics":["payments","checkout"],\
                "visibility":"private","forks":0,"open_issues":12,"watchers":3,"default_branch":"main","stargazers":3,\
                "master_branch":"main","organization":"acme"},\
                "pusher":{"name":"ada-lovelace","email":"ada@acme.example"},\
                "organization":{"login":"acme","id":98123456,"node_id":"O_kgDOBdlGwA","url":"https://api.github.com/orgs/acme",\
                "repos_url":"https://api.github.com/orgs/acme/repos","description":"Acme Inc."},\
                "sender":{"login":"ada-lovelace","id":4567890,"node_id":"MDQ6VXNlcjQ1Njc4OTA=",\
                "avatar_url":"https://avatars.githubusercontent.com/u/4567890?v=4","url":"https://api.github.com/users/ada-lovelace",\
                "html_url":"https://github.com/ada-lovelace","type":"User","site_admin":false},\
                "installation":{"id":%d,"node_id":"MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uNDU2Nzg5MA=="},\
                "created":false,"deleted":false,"forced":false,"base_ref":null,\
                "compare":"https://github.com/acme/checkout/compare/0d1e2f3a4b5c...1b2c3d4e5f6a",\
                "commits":[%s],"head_commit":%s}""".formatted(changes[2][0], installationId, commits, head);
    }

    private static String commit(String sha, String message, String modified, String added) {
        return """
                {"id":"%s","tree_id":"%s","distinct":true,"message":"%s","timestamp":"2026-11-23T10:04:12+01:00",\
                "url":"https://github.com/acme/checkout/commit/%s",\
                "author":{"name":"Ada Lovelace","email":"ada@acme.example","username":"ada-lovelace"},\
                "committer":{"name":"GitHub","email":"noreply@github.com","username":"web-flow"},\
                "added":[%s],"removed":[],"modified":[%s]}""".formatted(sha, new StringBuilder(sha).reverse(),
                message.replace("\n", "\\n"), sha, added, modified);
    }
}
