import Link from "next/link";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-lg px-4 py-16 text-center">
      <h1 className="text-2xl font-bold">Page not found</h1>
      <p className="mt-2 text-slate-700">There is nothing here, or you do not have access to it.</p>
      <p className="mt-6">
        <Link href="/" className="link">
          Go to your home page
        </Link>
      </p>
    </main>
  );
}
