import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

/**
 * The ASP.NET Core development certificate (the one `dotnet run` trusts for https://localhost:5001), exported once as PEM,
 * so the Vite dev server answers on https://localhost:5173 with a certificate the browser already trusts: the Razor page
 * is https and may only load modules from an https origin it trusts.
 */
export function aspNetCoreDevelopmentCertificate(): { cert: Buffer; key: Buffer } {
  const folder = join(homedir(), ".aspnet", "https");
  const certFile = join(folder, "hybridspa-vite.pem");
  const keyFile = join(folder, "hybridspa-vite.key");
  if (!existsSync(certFile) || !existsSync(keyFile)) {
    mkdirSync(folder, { recursive: true });
    execFileSync("dotnet", ["dev-certs", "https", "--export-path", certFile, "--format", "Pem", "--no-password"], {
      stdio: "inherit",
    });
  }
  return { cert: readFileSync(certFile), key: readFileSync(keyFile) };
}
