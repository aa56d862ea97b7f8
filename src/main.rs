fn main() {
    social8020::start();
}
